"""Words a headline comparison treats specially: function words, and event verbs.

Two headlines about one story often differ only in the verb a desk prefers ("unveils",
"launches"); two about different events of one product differ in the event ("launches",
"recalls"). Each group below is one kind of event; its verbs count as the same word, and
two titles naming different events are not one story.
"""

from __future__ import annotations


def _words(text: str) -> list[str]:
    return text.split()


STOP_WORDS = frozenset(
    _words(
        """
    a an the and or but nor of to in on at for with by from as into onto over under about
    after before than then that this these those is are was were be been being am it its
    will would can could should may might must shall has have had do does did not no
    how what why when where who whom which whose you your yours our ours we i my me he she
    they them their his her us up out so if just now more most very also vs via amid
    here there all any some new s t
    """
    )
)

EVENT_VERBS: dict[str, str] = {
    "launch": (
        "launch launches launched launching unveil unveils unveiled unveiling announce "
        "announces announced announcing introduce introduces introduced introducing debut "
        "debuts debuted release releases released reveal reveals revealed present presents "
        "presented ship ships shipped shipping premiere premieres premiered"
    ),
    "acquire": (
        "acquire acquires acquired acquiring acquisition buy buys bought buying purchase "
        "purchases purchased takeover"
    ),
    "sell": "sell sells sold selling divest divests divested offload offloads",
    "raise": "raise raises raised raising secure secures secured bag bags bagged",
    "cut": (
        "cut cuts cutting slash slashes slashed lower lowers lowered reduce reduces reduced trim "
        "trims trimmed"
    ),
    "increase": "hike hikes hiked increase increases increased boost boosts boosted",
    "delay": "delay delays delayed postpone postpones postponed",
    "pause": (
        "pause pauses paused halt halts halted suspend suspends suspended freeze freezes froze"
    ),
    "cancel": "cancel cancels cancelled canceled scrap scraps scrapped axe axes axed",
    "recall": "recall recalls recalled",
    "test": "test tests tested testing trial trials trialled trialed pilot pilots",
    "sue": "sue sues sued lawsuit",
    "fine": "fine fines fined penalty",
    "ban": "ban bans banned",
    "approve": "approve approves approved clear clears cleared greenlight greenlights",
    "reject": "reject rejects rejected deny denies denied refuse refuses refused",
    "hire": "hire hires hired appoint appoints appointed",
    "fire": "fire fires fired layoff layoffs sack sacks sacked",
    "close": "close closes closed shut shuts shutter shutters shuttered",
    "win": "win wins won winning",
    "lose": "lose loses lost losing",
    "partner": "partner partners partnered partnership",
    "leak": "leak leaks leaked",
    "open": "open opens opened opening",
    "expand": "expand expands expanded expansion",
}
"""Each kind of event and the verbs (and nouns) that name it, separated by spaces."""
