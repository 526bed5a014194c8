"""The FastAPI side of `scripts/http_bench.sh`: FastAPI's "OAuth2 scopes" tutorial app,
written again for the benchmark, so that `GET /users/me` can be measured on both.

What matches the tutorial, and the Rust demo (examples/examples/petstore.rs), on the measured
path, `GET /users/me` with a valid token:

* `fastapi.security.OAuth2PasswordBearer` with the scopes `me` and `items`, and
  `SecurityScopes` collecting the scopes the route needs (`me`) through `Security(...)`;
* an HS256 JWT, decoded with PyJWT, holding `sub`, `scope` (space-separated, as the tutorial
  and the demo both write it) and `exp`, which must be there (the demo's `jsonwebtoken`
  `Validation` requires it by default, so it is required here too);
* the user looked up by `sub` (401 if unknown), 401 `Not enough permissions` without the
  scope, 400 `Inactive user` for a disabled one, then the user, without its hash, through
  the `User` response model: the same four JSON fields as the demo.

Where it differs from the tutorial, and why:

* The routes have no trailing slash (`/users/me`, not the tutorial's `/users/me/`): the demo
  has none, and the tutorial's path would answer `/users/me` with a 307 redirect.
* The signing key is 32 random bytes per process, as in the demo, not a constant: each
  server is sent a token from its own `/token`.
* Passwords are hashed with the standard library's PBKDF2 (no bcrypt/Argon2 package): logins
  are not on the measured path, only needed to get a token.
"""

import hashlib
import hmac
import secrets
from datetime import datetime, timedelta, timezone
from typing import Annotated

import jwt
from fastapi import Depends, FastAPI, HTTPException, Security, status
from fastapi.security import OAuth2PasswordBearer, OAuth2PasswordRequestForm, SecurityScopes
from pydantic import BaseModel, ValidationError

# Random per process, like the demo's key: nothing outside this process can mint tokens.
SIGNING_KEY = secrets.token_bytes(32)
ALGORITHM = "HS256"
TOKEN_LIFETIME = timedelta(minutes=30)

# Enough to make the stored hashes no plain passwords; a login costs a few milliseconds.
PBKDF2_ITERATIONS = 100_000


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, PBKDF2_ITERATIONS)
    return f"{salt.hex()}${digest.hex()}"


def password_matches(password: str, stored: str) -> bool:
    salt_hex, digest_hex = stored.split("$", 1)
    digest = hashlib.pbkdf2_hmac(
        "sha256", password.encode(), bytes.fromhex(salt_hex), PBKDF2_ITERATIONS
    )
    return hmac.compare_digest(digest, bytes.fromhex(digest_hex))


class User(BaseModel):
    username: str
    email: str | None = None
    full_name: str | None = None
    disabled: bool | None = None


class StoredUser(User):
    password_hash: str


class Token(BaseModel):
    access_token: str
    token_type: str


class TokenClaims(BaseModel):
    """What a token said, validated as the tutorial validates it (a pydantic model)."""

    username: str
    scopes: list[str] = []


# The tutorial's two users, kept as plain dicts (its "fake database"); alice is disabled.
USERS: dict[str, dict] = {
    "johndoe": {
        "username": "johndoe",
        "email": "johndoe@example.com",
        "full_name": "John Doe",
        "disabled": False,
        "password_hash": hash_password("secret"),
    },
    "alice": {
        "username": "alice",
        "email": "alicechains@example.com",
        "full_name": "Alice Chains",
        "disabled": True,
        "password_hash": hash_password("secret2"),
    },
}
# Checked when the username is unknown, so that the answer takes as long (as the demo does).
DUMMY_HASH = hash_password("not a password of anybody")

oauth2_scheme = OAuth2PasswordBearer(
    tokenUrl="token",
    scopes={"me": "Read information about the current user.", "items": "Read items."},
)

app = FastAPI(title="FastAPI OAuth2 scopes (authscheme's HTTP benchmark)")


def find_user(username: str) -> StoredUser | None:
    # A model built from the record on each lookup, as the tutorial's `get_user` does (the
    # demo clones its user on each request too).
    record = USERS.get(username)
    return StoredUser(**record) if record else None


def authenticate(username: str, password: str) -> StoredUser | None:
    user = find_user(username)
    matches = password_matches(password, user.password_hash if user else DUMMY_HASH)
    return user if user and matches else None


def issue_token(user: StoredUser, scopes: list[str]) -> str:
    # As in the tutorial (and the demo), every requested scope is granted.
    claims = {
        "sub": user.username,
        "scope": " ".join(scopes),
        "exp": datetime.now(timezone.utc) + TOKEN_LIFETIME,
    }
    return jwt.encode(claims, SIGNING_KEY, algorithm=ALGORITHM)


async def get_current_user(
    security_scopes: SecurityScopes, token: Annotated[str, Depends(oauth2_scheme)]
) -> StoredUser:
    challenge = (
        f'Bearer scope="{security_scopes.scope_str}"' if security_scopes.scopes else "Bearer"
    )

    def unauthorized(detail: str) -> HTTPException:
        return HTTPException(
            status_code=status.HTTP_401_UNAUTHORIZED,
            detail=detail,
            headers={"WWW-Authenticate": challenge},
        )

    try:
        claims = jwt.decode(
            token, SIGNING_KEY, algorithms=[ALGORITHM], options={"require": ["exp"]}
        )
    except jwt.InvalidTokenError:
        raise unauthorized("Could not validate credentials") from None
    scope = claims.get("scope", "")
    try:
        if not isinstance(scope, str):
            raise ValueError("scope is not a string")
        token = TokenClaims(username=claims.get("sub"), scopes=scope.split())
    except (ValueError, ValidationError):
        raise unauthorized("Could not validate credentials") from None
    user = find_user(token.username)
    if user is None:
        raise unauthorized("Could not validate credentials")
    if any(needed not in token.scopes for needed in security_scopes.scopes):
        raise unauthorized("Not enough permissions")
    return user


async def get_current_active_user(
    user: Annotated[StoredUser, Security(get_current_user, scopes=["me"])],
) -> StoredUser:
    if user.disabled:
        raise HTTPException(status_code=400, detail="Inactive user")
    return user


@app.post("/token")
async def login(form: Annotated[OAuth2PasswordRequestForm, Depends()]) -> Token:
    user = authenticate(form.username, form.password)
    if user is None:
        # The tutorial answers 400 here (the demo 401 with a challenge): not measured.
        raise HTTPException(status_code=400, detail="Incorrect username or password")
    return Token(access_token=issue_token(user, form.scopes), token_type="bearer")


# The measured route. `response_model=User` drops the hash, as the tutorial's does.
@app.get("/users/me", response_model=User)
async def read_users_me(user: Annotated[StoredUser, Depends(get_current_active_user)]):
    return user


@app.get("/users/me/items")
async def read_own_items(
    user: Annotated[StoredUser, Security(get_current_active_user, scopes=["items"])],
):
    return [{"item_id": "Foo", "owner": user.username}]


@app.get("/status")
async def read_system_status(user: Annotated[StoredUser, Depends(get_current_user)]):
    return {"status": "ok"}
