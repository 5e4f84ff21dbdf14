"""Two Python contracts of one repository, as a new user writes them: a library service and a
lending service that `uses` it (tests of what breaks across `uses`)."""

from __future__ import annotations

LIBRARY = """\
from pydantic import BaseModel

from trellis_generate.authoring import Capability, Rpc, define_error, define_service_contract


class GetBook(BaseModel):
    book_id: str


class Book(BaseModel):
    book_id: str
    title: str


BookNotFound = define_error("BookNotFound", schema=GetBook)

CONTRACT = define_service_contract(
    id="shop.library@v1",
    display_name="Library",
    description="Books.",
    capabilities={"books.read": Capability(display_name="Read", description="Read books.")},
    rpc={
        "Library.Book.Get": Rpc(
            input=GetBook, output=Book, call=CALL, errors=[BookNotFound]
        ),
    },
)
"""

LENDING = """\
from pydantic import BaseModel

from trellis_generate.authoring import Rpc, Use, define_service_contract


class Lend(BaseModel):
    book_id: str


class Loan(BaseModel):
    loan_id: str


CONTRACT = define_service_contract(
    id="shop.lending@v1",
    display_name="Lending",
    description="Loans.",
    uses={"library": Use("shop.library@v1", rpc_call=["Library.Book.Get"])},
    rpc={"Lending.Loan.Create": Rpc(input=Lend, output=Loan, call=LEND_CALL)},
)
"""


def library(*, rpc: str = "Library.Book.Get", call: str = '["books.read"]', extra: str = "") -> str:
    """The library module; `rpc` renames its one RPC, `call` is its capability list expression."""
    return LIBRARY.replace("Library.Book.Get", rpc).replace("CALL", call) + extra


def lending(*, call: str = "None") -> str:
    """The lending module; `call` is the capability list of its own RPC (a Python expression)."""
    return LENDING.replace("LEND_CALL", call)


def line_of(text: str, needle: str) -> int:
    """1-based line of the first line containing `needle`."""
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)
