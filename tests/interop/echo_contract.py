"""interop.echo@v1: one contract that touches every surface the interop tests cross.

Authored with our own helpers; the reference runtime learns the same contract from the canonical
manifest we emit (drivers/api_from_manifest.ts), so both sides speak exactly this contract.
"""

from __future__ import annotations

from pydantic import BaseModel

from trellis_generate.authoring import (
    Capability,
    Event,
    Feed,
    Operation,
    Rpc,
    Signal,
    define_error,
    define_service_contract,
)


class SayInput(BaseModel):
    text: str


class SayOutput(BaseModel):
    text: str
    callerType: str
    callerId: str


class RefusedData(BaseModel):
    reason: str


class Said(BaseModel):
    room: str
    text: str


class CountInput(BaseModel):
    to: int
    waitForBump: bool = False


class CountProgress(BaseModel):
    at: int


class CountResult(BaseModel):
    total: int


class Bump(BaseModel):
    by: int


class TicksInput(BaseModel):
    count: int


class Tick(BaseModel):
    n: int


EchoRefused = define_error("EchoRefused", schema=RefusedData)

CONTRACT = define_service_contract(
    id="interop.echo@v1",
    display_name="Interop Echo",
    description="Echoes, counts and ticks, for the interoperability tests.",
    capabilities={
        "speak": Capability(display_name="Call echo", description="Call every echo surface.")
    },
    rpc={
        "Echo.Say": Rpc(
            input=SayInput,
            output=SayOutput,
            call=["speak"],
            errors=[EchoRefused, "UnexpectedError", "ValidationError"],
        )
    },
    events={"Echo.Said": Event(event=Said, params=["/room"])},
    operations={
        "Echo.Count": Operation(
            input=CountInput,
            progress=CountProgress,
            output=CountResult,
            call=["speak"],
            cancel=True,
            signals={"bump": Signal(input=Bump)},
        )
    },
    feeds={"Echo.Ticks": Feed(input=TicksInput, event=Tick, subscribe=["speak"])},
)
