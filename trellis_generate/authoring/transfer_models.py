"""Payload models for contracts that hand out file transfers.

A receive-transfer RPC (``Rpc(..., transfer="receive")``) answers with a Trellis transfer
grant; ``ReceiveTransferGrant`` is that grant's schema (the reference runtime's
``ReceiveTransferGrantSchema``), for an RPC's ``output`` or a subclass of it, so the generated
client's ``client.transfer(grant)`` can read what the grant entitles the caller to.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, Field

NonEmpty = Annotated[str, Field(min_length=1)]


class TransferFileInfo(BaseModel):
    """A stored object as transfers describe it."""

    key: NonEmpty
    size: Annotated[int, Field(ge=0)]
    updatedAt: NonEmpty
    digest: NonEmpty | None = None
    contentType: NonEmpty | None = None
    metadata: dict[NonEmpty, str]


class ReceiveTransferGrant(BaseModel):
    """What entitles one session to read one object once, until ``expiresAt``."""

    type: Literal["TransferGrant"]
    direction: Literal["receive"]
    service: NonEmpty
    sessionKey: NonEmpty
    transferId: NonEmpty
    subject: NonEmpty
    expiresAt: NonEmpty
    chunkBytes: Annotated[int, Field(ge=1)]
    info: TransferFileInfo
