"""Whether enough voting members are in the room."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class QuorumState:
    """Whether enough voting members are in the room; ``text`` is for the clock bar."""

    present: int
    quorum: int
    quorate: bool
    text: str

    @property
    def short_by(self) -> int:
        """How many more voting members must arrive before business can go on."""
        return max(0, self.quorum - self.present)


def quorum_state(present_voting: int, quorum: int) -> QuorumState:
    """Compare the voting members present with the body's quorum.

    Shouted in capitals when inquorate because the clerk must notice it at a glance.
    """
    if present_voting < 0:
        raise ValueError(
            f"The number of voting members present cannot be negative (got {present_voting})."
        )
    if quorum < 0:
        raise ValueError(f"The quorum cannot be negative (got {quorum}).")
    quorate = present_voting >= quorum
    label = "Quorate" if quorate else "INQUORATE"
    return QuorumState(
        present=present_voting,
        quorum=quorum,
        quorate=quorate,
        text=f"{label} {present_voting}/{quorum}",
    )
