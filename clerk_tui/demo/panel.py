"""The sample panel's people, meetings and tracked actions, as its public papers give them; the
quoted minutes of its November 2021 meeting are in :mod:`clerk_tui.demo_minutes`."""

from __future__ import annotations

from datetime import date, datetime

# The demo's mark, "CtDm": written to the header by build_demo, read back without SQLite.
DEMO_APPLICATION_ID = 0x4374446D

PANEL = "West Midlands Police and Crime Panel"
SEEDED_AT = datetime(2022, 3, 1, 9, 0)
YEAR_START = date(2021, 5, 25)

# (title, full name, authority or role text, role)
MEMBERS: tuple[tuple[str, str, str, str], ...] = (
    ("Cllr", "Paul Bradley", "Dudley", "member"),
    ("Cllr", "Mick Brown", "Birmingham", "member"),
    ("Cllr", "Yvonne Clements", "Solihull", "member"),
    ("Cllr", "Jasbir Jaspal", "Wolverhampton", "member"),
    ("Cllr", "Abdul Khan", "Coventry", "member"),
    ("", "Kristina Murphy", "Independent Member", "independent-member"),
    ("Cllr", "Waheed Rasab", "Walsall", "member"),
    ("Cllr", "Suky Samra", "Walsall", "member"),
    ("", "Lionel Walker", "Independent Member", "independent-member"),
    ("Cllr", "Ian Jones", "Sandwell", "member"),
    ("Cllr", "Ken Gibbin", "Solihull", "member"),
    ("Cllr", "Mohammed Suleman", "Birmingham", "member"),
    ("Cllr", "Steve Carmicheal", "Sandwell", "member"),
)
OFFICERS: tuple[tuple[str, str], ...] = (
    ("Simon Foster", "West Midlands Police and Crime Commissioner"),
    ("Jonathan Jardine", "Chief Executive, OPCC"),
    ("Mark Kenyon", "Chief Finance Officer, OPCC"),
    ("Richard Costello", "Head of Communications, OPCC"),
    ("Christian Scade", "Interim Head of Scrutiny and Committee Services, BCC"),
    ("Sarah Fradgley", "Panel Scrutiny Officer, BCC"),
    ("Kevin O’Keefe", "Panel Lead Officer"),
)
NOVEMBER_APOLOGIES = ("Ian Jones", "Ken Gibbin", "Mohammed Suleman", "Kevin O’Keefe")
NOVEMBER_ABSENT = ("Steve Carmicheal",)

# Item kinds of the November meeting, by minute number.
NOVEMBER_KINDS = {
    611: "notice-of-recording",
    612: "apologies",
    613: "declarations",
    614: "previous-minutes",
    615: "public-questions",
    616: "membership",
    619: "update",
    622: "work-programme",
}
# Notes the reference minutes place after an item's RESOLVED block: (minute, note index).
# A note recorded after the item's last resolution is minuted after it.
NOTES_AFTER_RESOLUTIONS = {(622, 0)}
# Actual start of each November item (the meeting ran 14:00 to 15:30).
NOVEMBER_STARTS = (
    "14:00", "14:02", "14:03", "14:04", "14:07", "14:08",
    "14:20", "14:27", "14:58", "15:06", "15:18", "15:28",
)  # fmt: skip

# The agenda of 14 March 2022: (papers, number, title, description, approximate time).
MARCH_2022_AGENDA: tuple[tuple[str, str, str, str, str], ...] = (
    ("none", "1", "NOTICE OF RECORDING AND WEBCASTING",
     "This meeting will be webcast for live and subsequent broadcast and members of the "
     "press/public may record the meeting. The whole of the meeting will be filmed except where "
     "there are confidential or exempt items.", "13:30"),
    ("none", "2", "APOLOGIES", "", ""),
    ("none", "3", "PANEL MEMBERSHIP",
     "To note that Councillor Bob Piper (Sandwell) has been appointed to replace Councillor "
     "Carmicheal on the Panel for the remainder of the 2021/22 Municipal Year.", ""),
    ("none", "4", "DECLARATIONS OF INTEREST (IF ANY)",
     "Members are reminded that they must declare all relevant pecuniary interests and /or "
     "non-pecuniary interests relating to any items of business to be discussed at the meeting.",
     ""),
    ("none", "5", "PUBLIC QUESTION TIME",
     "To receive questions from members of the public notified to the Panel in advance of the "
     "meeting.", "13:35"),
    ("Attached", "6", "MINUTES AND LASTEST ACTION TRACKER",
     "To confirm the following minutes and note the latest Action Tracker 29 November 2021 "
     "31 January 2022", "13:50"),
    ("none", "7", "SIR DAVID THOMPSON QPM DL - CHIEF CONSTABLE WEST MIDLANDS POLICE",
     "The Chief Constable has been invited to address the Panel.", "13:55"),
    ("Attached", "8", "REBUILDING NEIGHBOURHOOD POLICING",
     "Report of the Police and Crime Commissioner The Panel is asked to consider the progress "
     "towards the objectives in the West Midlands Police and Crime Plan 2021-2025 relating to "
     "community policing.", "14:30"),
    ("Attached", "9", "NATIONAL POLICING PRIORITIES AND POLICE AND CRIME PLAN SCORECARD",
     "Report of the Police and Crime Commissioner The Panel is asked to consider progress "
     "towards Key Performance Indicators of the Police and Crime Plan and the quarterly "
     "statement on National Policing Priorities", "15:00"),
    ("none", "10", "POLICE AND CRIME COMMISSIONER UPDATE AND KEY DECISIONS",
     "The Police and Crime Commissioner will update the Panel on recent activity. The Panel is "
     "asked to note the recent Key Decision.", "15:30"),
    ("Attached", "11", "RECRUITMENT PLAN – WEST MIDLANDS POLICE CHIEF CONSTABLE",
     "Report of the Police and Crime Commissioner", "15:40"),
    ("Attached", "12",
     "WEST MIDLANDS POLICE AND CRIME PANEL BUDGET 2022/23 AND EXPENDITURE 2021/22",
     "Report of the Panel Lead Officer", "15:45"),
    ("To Follow", "13", "ANNUAL REPORT OF COMPLAINT HANDLING", "Report of the Panel Lead Officer",
     "15:50"),
    ("To Follow", "14", "MEETING DATES 2022/2023 URGENT BUSINESS",
     "To consider any items of business by reason of special circumstances (to be specified) "
     "that in the opinion of the Chairman are matters of urgency.", "15:55"),
)  # fmt: skip
MARCH_KINDS = {
    "1": "notice-of-recording",
    "2": "apologies",
    "3": "membership",
    "4": "declarations",
    "5": "public-questions",
    "6": "previous-minutes",
    "10": "update",
    "14": "urgent-business",
}

# The tracker of 14 March 2022: (minute, month of source meeting, action, owner, due, update,
# completed on). Minutes 617-622 belong to the demo's November meeting and link to its items.
OUTSTANDING = (
    (617, date(2021, 11, 29),
     "Panel Inquiry on Public Confidence in Policing finalised and presented to PCC for response",
     "Panel Chair", "31 March 2022",
     "Report and recommendations sent to PCC seeking response by 31 March 2022"),
    (620, date(2021, 11, 29),
     "The OPCC to feedback to a future meeting on communications and publicity plans in relation "
     "to the Fairness and Belonging Plan and Recruitment.", "OPCC", "", "To be programmed"),
    (629, date(2022, 1, 31),
     "Cllr Brennan, West Midlands Victims' Commissioner be invited to report back to a further "
     "meeting on improving victim satisfaction survey response rates and her examination of "
     "local Victims' Right to Review provisions.", "Panel Officers", "", "To be programmed"),
    (630, date(2022, 1, 31),
     "The PCC present his Medium-Term Financial Plan to the Panel in September 2022 to provide "
     "members with greater details of the budget.", "PCC", "September 2022",
     "September meeting date to be arranged"),
    (630, date(2022, 1, 31),
     "Panel report on precept with recommendation to expand content of the council tax leaflet, "
     "and wider publicity on the precept, to provide the public with contextual information "
     "explaining the reasons for the precept increase.", "Panel Chair", "",
     "Recommendation sent to PCC"),
    (630, date(2022, 1, 31),
     "The Commissioner compares the budgets of the most similar forces and feedbacks to the "
     "Panel when setting the budget.", "PCC", "", "To be programmed"),
    (631, date(2022, 1, 31),
     "The Commissioner report back on the number of criminal justice outcomes relating to the "
     "132 firearm seizures in 2021.", "PCC", "", ""),
)  # fmt: skip
COMPLETED = (
    (596, date(2021, 7, 26),
     "Panel Officers and OPCC liaise to develop a programme of member briefing and visits to "
     "Lloyd House and other parts of the police service and speak to officers to inform their "
     "understanding of the different areas of work and view the mobile technology.",
     "Panel Officers", "",
     "Completed: Visit 4 February 2022: OPCC Communications, Policy, Commissioning and Grants, "
     "data and performance Head of Audit Tour of Lloyd House Force contact and Control Room "
     "Demo on Mobile Technology", date(2022, 2, 4)),
    (594, date(2021, 7, 26),
     "The Panel Office present a report on the process for applying to the Secretary of State "
     "to appoint a third independent co-opted member.", "Panel Office", "",
     "Completed: Presented 18 October 2021", date(2021, 10, 18)),
    (596, date(2021, 7, 26), "PCC report to a future meeting on his Estates Strategy review.",
     "PCC", "",
     "Completed: Update reports presented to panel 18 October 2021 and 29 November 2021",
     date(2021, 11, 29)),
    (606, date(2021, 10, 18),
     "The Panel’s review of Police and Crime Plan 2021-25 presented to PCC recommending - "
     "summary version of the plan in an accessible format listing the objectives into "
     "short-term, medium-term, and long-term. - including baselines alongside terms such as "
     "‘increasing’, ‘reducing’, ‘historically’ to inform the public of the starting points. - "
     "Regular progress update reports to the Panel", "Panel Chair", "",
     "Completed: PCC responded 1 November 2021", date(2021, 11, 1)),
    (620, date(2021, 11, 29),
     "Panel Officers and OPCC develop a briefing session for members on performance "
     "monitoring", "Panel Officers", "",
     "Completed: Sessions held at 4 February 2022 member visit and online briefing 14 February "
     "2022.", date(2022, 2, 14)),
    (621, date(2021, 11, 29),
     "The Panel write to the Policing Minister in support of the PCC’s campaign seeking a fair "
     "funding decision for the West Midlands", "Panel Chair", "",
     "Completed: Chair wrote to Policing Minister December 2021", date(2021, 12, 31)),
)  # fmt: skip
