"""The meeting of 29 November 2021 of the West Midlands Police and Crime Panel, as the plain
records a service would build from the database — the fixture behind the minutes tests.

The narrative is copied from ../shared/reference/minutes-2021-11-29.txt (two paragraphs
that a page break had split are joined). The apologies and declarations sentences and the
vote sentence of 616 are not notes: the minutes build them from the records. The resolutions
are typed as the clerk types them, joining punctuation ("; and", ";", ".") included: the
minutes print them as typed. Item times are illustrative.
"""

from __future__ import annotations

from datetime import date, datetime, time

from clerk_tui.minutes import (
    AttendeeRecord,
    ItemRecord,
    MeetingRecord,
    NoteRecord,
    ResolutionRecord,
    VoteRecord,
)


def _para(text: str) -> NoteRecord:
    return NoteRecord("paragraph", text)


def _bullet(text: str) -> NoteRecord:
    return NoteRecord("bullet", text)


def at(hhmm: str) -> datetime:
    hour, minute = hhmm.split(":")
    return datetime(2021, 11, 29, int(hour), int(minute))


def _cllr(name: str, represents: str, status: str = "present", short: str = "") -> AttendeeRecord:
    return AttendeeRecord(
        name=name,
        title="Cllr",
        short_name=short,
        capacity="member",
        status=status,
        represents=represents,
    )


def _officer(name: str, role: str, status: str = "present") -> AttendeeRecord:
    return AttendeeRecord(name=name, capacity="officer", status=status, role_text=role)


# Members in no particular order: the minutes list them by surname.
ATTENDEES: tuple[AttendeeRecord, ...] = (
    _cllr("Suky Samra", "Walsall"),
    _cllr("Jones", "Sandwell", "apologies", short="Cllr Jones"),
    _cllr("Paul Bradley", "Dudley"),
    AttendeeRecord(
        name="Lionel Walker", capacity="member", status="present", role_text="Independent Member"
    ),
    _officer("Simon Foster", "West Midlands Police and Crime Commissioner"),
    _cllr("Mick Brown", "Birmingham"),
    _officer("Jonathan Jardine", "Chief Executive, OPCC"),
    _cllr("Gibbin", "Solihull", "apologies"),  # short name derived: "Cllr Gibbin"
    _officer("Kevin O’Keefe", "Panel Lead Officer", "apologies"),
    _cllr("Yvonne Clements", "Solihull"),
    _cllr("Jasbir Jaspal", "Wolverhampton"),
    _officer("Mark Kenyon", "Chief Finance Officer, OPCC"),
    _cllr("Suleman", "Birmingham", "apologies", short="Cllr Suleman"),
    _cllr("Abdul Khan", "Coventry"),
    AttendeeRecord(
        name="Kristina Murphy", capacity="member", status="present", role_text="Independent Member"
    ),
    _officer("Richard Costello", "Head of Communications, OPCC"),
    _cllr("Waheed Rasab", "Walsall"),
    _cllr("Absent Member", "Sandwell", "absent"),
    _officer("Christian Scade", "Interim Head of Scrutiny and Committee Services, BCC"),
    _officer("Sarah Fradgley", "Panel Scrutiny Officer, BCC"),
)

NOTES: dict[int, tuple[NoteRecord, ...]] = {
    611: (
        _para(
            "The Chair announced that the meeting would be livestreamed and recorded for "
            "subsequent broadcast via the Wolverhampton City Council meeting portal, and that "
            "members of the press and public could record and take photographs except where there"
            " were confidential or exempt items."
        ),
    ),
    612: (),
    613: (),
    614: (
        _para(
            "Further to Minute no. 606, the Chair thanked the Police and Crime Commissioner for "
            "his response to the Panel’s report on the draft Police and Crime Plan 2021-26 and "
            "for taking on board the Panel’s suggestion to publish an accessible and easy-read "
            "summary version of the Plan. He further thanked the PCC for his commitment to "
            "presenting regular performance monitoring reports to the Panel."
        ),
    ),
    615: (_para("No public questions were submitted."),),
    616: (
        _para(
            "Further to Minute No. 593, the Panel Scrutiny Officer presented the report setting "
            "out the process for co-opting a third independent panel member in line with the "
            "Panel Arrangements, legislative requirements, and HR best practice."
        ),
        _para(
            "The report recommended the panel apply to the Secretary of State to co-opt a third "
            "independent panel member, and subject to approval, appoint the second-place "
            "candidate identified by the panel's selection panel in June 2021. It was noted that "
            "statute required a unanimous decision of the panel to progress this matter."
        ),
    ),
    617: (
        _para(
            "The Panel noted the progress with the drafting of the report and recommendations of "
            "its Public Confidence in Policing inquiry, and agreed the next steps associated with"
            " publication of the final report."
        ),
    ),
    618: (
        _para(
            "In accordance with the Police Reform and Social Responsibility Act, the Panel "
            "considered the Police and Crime Commissioner Annual Report April 2020 to March 2021."
            " Jonathan Jardine OPCC Chief Executive advised that the reporting schedule meant "
            "this report captured the activity across the term of office of the previous Police "
            "and Crime Commissioner."
        ),
        _para(
            "Mr Jardine highlighted the key achievements and challenges detailed in the report "
            "and explained in detail the context of the period: rising recorded crime, declining "
            "public confidence in the police across the UK, the changing patterns of criminality,"
            " the impact of the Covid-19 pandemic and police funding pressures."
        ),
        _para("During the course of the discussion the following points were raised: -"),
        _bullet(
            "Reflecting on the recent HMICFRS Peel Inspection of the Force and published crime "
            "statistics, the meeting was advised the increase in recorded crime was partly down "
            "to better recording practices within the force. The number of domestic violence "
            "incidents police attended were flat, however the number of crimes recorded per "
            "incident had risen. There had also been a dramatic increase in reported cases of "
            "sexual offending and stalking. It was further noted HMICFRS inspectors had commented"
            " that the force has limitations in capacity (resources) to meet the demand for its "
            "services."
        ),
        _bullet(
            "The Panel discussed the data on police complaints. Mr Jardine explained the widening"
            " of the definition of a police complaint to “any expression of dissatisfaction of "
            "service” had led to the sharp increase in the number of complaints received. The PCC"
            " assured the meeting that he would continue oversight of the complaints process "
            "including examining the rate of expressions of dissatisfaction classified into "
            "formal complaints. The PCC expressed disappointment on hearing a panel member’s "
            "report that some complainants felt they had not received a fair hearing or "
            "appropriate investigation into their complaint."
        ),
        _bullet(
            "The PCC highlighted that he continued to ringfence funding for Community Safety "
            "Partnerships from the main police grant, allocated through a combination of "
            "overarching force-level commissioned services (MARAC and Domestic Homicide Reviews),"
            " and a devolved funding element for local projects. Community Safety Partnership "
            "priorities were identified in its Strategic Assessment. A commissioning page was due"
            " to be launched on the PCC’s website, providing a breakdown of all services "
            "commissioned directly or via the CSPs. A link would be sent to Panel members."
        ),
        _bullet(
            "Responding to concern that less progress had been made addressing disproportionality"
            " of Asian people subject to stop and search, and criticism made about the phase in "
            "the annual report ‘there is clearly more work to be done’, the OPCC gave assurances "
            "that whilst disproportionality overall had reduced, research into the reasons for "
            "ethnic disparities was underway. In addition, the Fairness and Belonging Plan was "
            "examining all police processes to identify disproportionality."
        ),
        _bullet(
            "Current recruitment statistics indicated 20-25% of new recruits were from a "
            "non-white background, sometimes peaking at 30%. The online recruitment process had "
            "facilitated proportionality gains."
        ),
        _bullet(
            "The meeting discussed the range of factors contributing to the fall in public "
            "confidence in the police, including structural factors such as loss of 2000 officers"
            " since 2010, the changing nature of crime, and the increase in officers in less "
            "visible roles through the expansion of investigative departments (CID, Organised "
            "Crime, Public Protection and Counter Terrorism). And suggested learning from similar"
            " forces where public confidence in the police was starting to pick up. The PCC "
            "highlighted his commitment to rebuilding neighbourhood policing to build local "
            "problem solving, proactive action and enforcement."
        ),
        _bullet(
            "Concern was expressed that the falling victim satisfaction response rates would have"
            " an impact on the level of data to inform strategy. Mr Jardine acknowledged the need"
            " to find a methodology to better understand victim satisfaction, including how to "
            "capture data in difficult environments."
        ),
        _bullet(
            "The Panel welcomed the PCC commitment to continue to challenge local car "
            "manufacturers to address vulnerabilities in the security of keyless cars."
        ),
    ),
    619: (
        _para(
            "The Panel received and noted the list of key decisions made by the Police and Crime "
            "Commissioner since the October 2022 meeting."
        ),
        _para(
            "Members sought clarification as to why the details of some PCC key decisions could "
            "not be viewed by the public. It was explained that the OPCC could not publish "
            "decisions associated with commercial confidentiality or operational sensitivities "
            "and the OPCC compliance with publishing restrictions was monitored."
        ),
        _para(
            "The PCC reported on his recent observation of the policing of the night-time economy"
            " in Birmingham and praised the collaboration between the police, security, business "
            "owners and health services. He referred to the priority to catch perpetrators of "
            "'spiking' and advised the meeting that that free rapid drug testing was available, "
            "and victims would not face prosecution if they had taken another substance during an"
            " evening out."
        ),
    ),
    620: (
        _para(
            "Jonathan Jardine, OPCC Chief Executive, presented the report setting out how the "
            "OPCC intended to monitor performance against the Police and Crime Plan 2021-2025, "
            "and fulfil new statutory duties relating to the publication of performance "
            "information required for the National Policing Priorities."
        ),
        _para(
            "Mr Jardine explained quarterly performance monitoring reports would be presented to "
            "the PCC's Strategic Policing and Crime Board from January 2022, alongside a "
            "programme of thematic reports providing a narrative."
        ),
        _para(
            "The Panel reflected upon its approach to understanding and reviewing performance "
            "data to inform its scrutiny of the PCC. The OPCC undertook to present quarterly "
            "performance reports to Panel. The Chair asked panel officers to liaise with OPCC to "
            "develop an initial briefing session for Members."
        ),
        _para(
            "The Panel sought assurance that performance information would be accessible to the "
            "public in a digestible format and asked for contextual information be published "
            "alongside performance data."
        ),
        _para(
            "The Panel discussed the Police and Crime Plan performance framework and the "
            "combination of numerical targets, trajectory targets and KPIs that would be "
            "monitored, noting that work to determine how data was to be collected in some areas "
            "was ongoing (for example, measuring the impact of activity and resources invested in"
            " neighbourhood policing)."
        ),
        _para(
            "It was suggested the public might find the trajectory target to reduce firearm "
            "discharges ambiguous, particularly for those living in communities where firearms "
            "were discharged routinely. The meeting was assured that gun crime was the focus of "
            "co-ordinated enforcement and diversionary activity. A numerical target risked "
            "perverse behaviour and a trend measure was deemed most appropriate and showed the "
            "extent of the threat and legitimatised conversations about where police resources be"
            " allocated."
        ),
        _para(
            "Responding to questions about the collaboration between OPCC and WMP publicity and "
            "communications. The Head of OPCC Communications advised that his team worked closely"
            " with counterparts in WMP to align activity to maximise reach and messaging on joint"
            " work. The team used a multi-channel approach to engage with a local population of "
            "3m people, highlighting the recent campaign on domestic abuse and changing attitudes"
            " towards violence against women and girls. He undertook to feedback to a future "
            "Panel on publicity about the Fairness and Belonging Plan and recruitment. The Panel "
            "was informed that the OPCC took a proportionate approach to promoting events based "
            "on the audience. He further reported that a pilot had been conducted to inform wider"
            " improvements to the quality of WMNow content and undertook to feedback to WMP the "
            "Panel suggestion that more publicity on firearm seizures was needed."
        ),
    ),
    621: (
        _para(
            "The Commissioner presented the report and updated the Panel on the outcome of the "
            "recent review of the WMP Estate Strategy. He advised the Panel that he had invited "
            "the Chief Constable to review the 2018 WMP estates strategy in view of the impact of"
            " Covid and recruitment of additional officers through National Uplift. The PCC's "
            "Strategic Police and Crime Board initially considered the forces' 11 principles to "
            "be applied to the police estate review and the subsequent recommendations of the "
            "Chief Constable."
        ),
        _para(
            "The PCC summarised the purpose of the revised estate strategy and clarified it "
            "retained the existing number of 10 public contact police stations where the public "
            "could visit to report crimes and speak directly to the police, would increase "
            "dedicated response hubs across the region from 6 to 8, and ensure neighbourhood "
            "police would be based in local communities."
        ),
        _para(
            "The PCC assured the meeting that no disposal would take place before he was "
            "satisfied suitable alternative provision was in place and that every effort had been"
            " made to realise social value from the disposal."
        ),
        _para(
            "The Panel suggested this was an opportunity to build public confidence and that "
            "public engagement and communication were essential to communicate the proposals and "
            "address public perceptions that the strategy just focused on closing stations. Early"
            " communication of the alternative front desk locations would also reassure the "
            "public. The PCC noted community engagement would be important when identifying "
            "suitable alternative locations and exploring co-location options and a timeline "
            "associated with communication and engagement would be developed, but there was still"
            " several years before the disposal process began."
        ),
        _para(
            "Responding to a question about Solihull police station, the PCC confirmed the pledge"
            " remained to replace it with a suitable alternative within Solihull Town Centre, and"
            " the location was a matter of ongoing discussion with Solihull MBC."
        ),
        _para(
            "Responding to questions about the geographical considerations given to the location "
            "of the response hubs, the PCC noted this had been carefully reviewed by the Chief "
            "Constable and had led to an additional two hubs."
        ),
        _para(
            "The PCC was asked if he was satisfied the strategy provided sufficient capacity for "
            "the National Uplift of police officers and whether 10 front desks were sufficient "
            "for a region of 3m residents, the PCC reiterated that this was an operational "
            "decision taken by the Chief Constable based on Chief's assessment of what estate was"
            " required to effectively and efficiently police the West Midlands."
        ),
        _para(
            "The Panel agreed to support the PCC's campaign seeking an additional 1,000 police "
            "officers and a fair funding settlement for the West Midlands and undertook to write "
            "to the Policing Minister in support."
        ),
    ),
    622: (
        NoteRecord(
            "paragraph",
            "Drawing the meeting to a close the Chair wished everyone a safe Christmas and happy "
            "New Year.",
            after_resolutions=True,
        ),
    ),
}


RESOLUTIONS: dict[int, tuple[ResolutionRecord, ...]] = {
    614: (
        ResolutionRecord(
            "That the minutes of the meeting held on 18 October 2021 be confirmed as a correct "
            "record."
        ),
    ),
    # The clerk types the joining punctuation (the minutes print it as typed).
    617: (
        ResolutionRecord(
            "That the progress with the Police and Crime Panel's Public Confidence in Policing "
            "inquiry report be noted;"
        ),
        ResolutionRecord(
            "Panel Members be sent an updated draft and given the opportunity to make final "
            "comments; and"
        ),
        ResolutionRecord(
            "Finalisation of the report be delegated to the Panel Chair in consultation with the "
            "Panel Lead Officer."
        ),
    ),
    618: (
        ResolutionRecord(
            "That the Police and Crime Commissioner’s Annual Report 2020-2021 be received; and"
        ),
        ResolutionRecord(
            "The Panel’s report of the review be presented to the Police and Crime Commissioner."
        ),
    ),
    619: (
        ResolutionRecord(
            "That the recent key decisions taken by the Police and Crime Commissioner be noted."
        ),
    ),
    620: (
        ResolutionRecord("That the report be noted;"),
        ResolutionRecord(
            "Panel Officers and OPCC develop a briefing session for members on performance "
            "monitoring; and"
        ),
        ResolutionRecord(
            "The OPCC be invited to feedback to a future meeting on communications and publicity "
            "plans in relation to the Fairness and Belonging Plan and Recruitment."
        ),
    ),
    621: (
        ResolutionRecord("That the report be noted; and"),
        ResolutionRecord(
            "That the Panel write to the Policing Minister in support of the PCC's campaign "
            "seeking a fair funding decision for the West Midlands."
        ),
    ),
    622: (ResolutionRecord("That the Panel work programme be received and noted."),),
}

VOTE_616 = VoteRecord(
    "A vote of Panel Members present resulted in an 8:1 majority in favour of the "
    "recommendation. However, as a unanimous decision could not be reached the "
    "recommendation was not carried."
)

#: minute number → (title, kind, start time)
ITEMS: dict[int, tuple[str, str, str]] = {
    611: ("Notice of Recording", "notice-of-recording", "14:00"),
    612: ("Apologies", "apologies", "14:01"),
    613: ("Declarations of Interest", "declarations", "14:02"),
    614: ("Minutes of Last Meeting", "previous-minutes", "14:03"),
    615: ("Public Question Time", "public-questions", "14:05"),
    616: ("Panel Membership – Independent Panel Member", "membership", "14:06"),
    617: (
        "Panel Inquiry into Public Confidence in Policing – Update and Next Steps",
        "update",
        "14:15",
    ),
    618: ("Police and Crime Commissioner Annual Report 2021/2022", "report", "14:20"),
    619: ("Police and Crime Commissioner Key Decisions and Update", "update", "14:48"),
    620: (
        "Measuring Performance - Police and Crime Plan and the National Crime and Policing "
        "Measures",
        "report",
        "14:55",
    ),
    621: ("Estate Strategy Update", "report", "15:10"),
    622: ("Panel Work Programme 2021/2022", "work-programme", "15:25"),
}

MEETING_START = at("14:00")
MEETING_END = at("15:30")


def reference_items() -> tuple[ItemRecord, ...]:
    numbers = sorted(ITEMS)
    items = []
    for index, minute in enumerate(numbers):
        title, kind, start = ITEMS[minute]
        end = ITEMS[numbers[index + 1]][2] if index + 1 < len(numbers) else "15:30"
        items.append(
            ItemRecord(
                id=minute - 600,
                number=str(index + 1),
                title=title,
                kind=kind,
                state="taken",
                minute_number=minute,
                actual_start=at(start),
                actual_end=at(end),
                notes=NOTES[minute],
                votes=(VOTE_616,) if minute == 616 else (),
                resolutions=RESOLUTIONS.get(minute, ()),
            )
        )
    # A deferred item: no minute number, not in the minutes.
    items.append(
        ItemRecord(id=99, number="13", title="Deferred Item", kind="report", state="deferred")
    )
    return tuple(items)


def reference_meeting() -> MeetingRecord:
    """The 29 November 2021 meeting, draft minutes, ended 15:30."""
    return MeetingRecord(
        body_name="West Midlands Police and Crime Panel",
        body_short_name="Panel",
        venue="Wolverhampton Civic Centre",
        date=date(2021, 11, 29),
        scheduled_start=time(14, 0),
        actual_start=MEETING_START,
        actual_end=MEETING_END,
        status="closed",
        minutes_status="draft",
        attendees=ATTENDEES,
        items=reference_items(),
    )


# --- what the minutes of this meeting say: the reference's lines ---------------------------

HEADING = (
    "MINUTES OF THE MEETING OF THE WEST MIDLANDS POLICE AND CRIME PANEL HELD ON 29 NOVEMBER "
    "2021 AT 14:00 HOURS – WOLVERHAMPTON CIVIC CENTRE"
)

# As in the reference, with its typing slips normalised: the reference has "Cllr Abdul Khan -
# Coventry" and "Cllr Waheed Rasab - Walsall" (hyphen; en dash for an authority) and "Lionel
# Walker – Independent Member" (en dash; hyphen for a member's role, as "Kristina Murphy -").
PRESENT = (
    "Cllr Paul Bradley – Dudley",
    "Cllr Mick Brown – Birmingham",
    "Cllr Yvonne Clements – Solihull",
    "Cllr Jasbir Jaspal – Wolverhampton",
    "Cllr Abdul Khan – Coventry",
    "Kristina Murphy - Independent Member",
    "Cllr Waheed Rasab – Walsall",
    "Cllr Suky Samra – Walsall",
    "Lionel Walker - Independent Member",
)

# The reference has "Jonathan Jardine –Chief Executive" and "Sarah Fradgley– Panel ...".
ALSO_PRESENT = (
    "Simon Foster – West Midlands Police and Crime Commissioner",
    "Jonathan Jardine – Chief Executive, OPCC",
    "Mark Kenyon – Chief Finance Officer, OPCC",
    "Richard Costello – Head of Communications, OPCC",
    "Christian Scade – Interim Head of Scrutiny and Committee Services, BCC",
    "Sarah Fradgley – Panel Scrutiny Officer, BCC",
)

HEADINGS = (
    "611 NOTICE OF RECORDING",
    "612 APOLOGIES",
    "613 DECLARATIONS OF INTEREST",
    "614 MINUTES OF LAST MEETING",
    "615 PUBLIC QUESTION TIME",
    "616 PANEL MEMBERSHIP – INDEPENDENT PANEL MEMBER",
    "617 PANEL INQUIRY INTO PUBLIC CONFIDENCE IN POLICING – UPDATE AND NEXT STEPS",
    "618 POLICE AND CRIME COMMISSIONER ANNUAL REPORT 2021/2022",
    "619 POLICE AND CRIME COMMISSIONER KEY DECISIONS AND UPDATE",
    "620 MEASURING PERFORMANCE - POLICE AND CRIME PLAN AND THE NATIONAL CRIME AND POLICING "
    "MEASURES",
    "621 ESTATE STRATEGY UPDATE",
    "622 PANEL WORK PROGRAMME 2021/2022",
)

APOLOGIES = (
    "Apologies for non-attendance were received on behalf of Cllr Jones (Sandwell), Cllr "
    "Gibbin (Solihull), Cllr Suleman (Birmingham) and Kevin O’Keefe (Panel Lead Officer)."
)

VOTE_616_SENTENCE = (
    "A vote of Panel Members present resulted in an 8:1 majority in favour of the "
    "recommendation. However, as a unanimous decision could not be reached the recommendation "
    "was not carried."
)
