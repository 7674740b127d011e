"""The minutes of the Panel's meeting of 29 November 2021 (public papers), as the demo's
recorded content: per item, its notes (paragraphs and bullets) and its resolutions.
The apologies and declarations sentences and the vote of 616 are not notes: the minutes
build them from the records."""

from __future__ import annotations

NOVEMBER_2021_ITEMS: list[tuple[int, str, list[tuple[str, str]], list[str]]] = [
    (
        611,
        "NOTICE OF RECORDING",
        [
            (
                "paragraph",
                "The Chair announced that the meeting would be livestreamed and recorded for subsequent "
                "broadcast via the Wolverhampton City Council meeting portal, and that members of the "
                "press and public could record and take photographs except where there were confidential "
                "or exempt items.",
            )
        ],
        [],
    ),
    (612, "APOLOGIES", [], []),
    (613, "DECLARATIONS OF INTEREST", [], []),
    (
        614,
        "MINUTES OF LAST MEETING",
        [
            (
                "paragraph",
                "Further to Minute no. 606, the Chair thanked the Police and Crime Commissioner for his "
                "response to the Panel’s report on the draft Police and Crime Plan 2021-26 and for taking "
                "on board the Panel’s suggestion to publish an accessible and easy-read summary version of "
                "the Plan. He further thanked the PCC for his commitment to presenting regular performance "
                "monitoring reports to the Panel.",
            )
        ],
        [
            "That the minutes of the meeting held on 18 October 2021 be confirmed as a correct "
            "record."
        ],
    ),
    (615, "PUBLIC QUESTION TIME", [("paragraph", "No public questions were submitted.")], []),
    (
        616,
        "PANEL MEMBERSHIP – INDEPENDENT PANEL MEMBER",
        [
            (
                "paragraph",
                "Further to Minute No. 593, the Panel Scrutiny Officer presented the report setting out "
                "the process for co-opting a third independent panel member in line with the Panel "
                "Arrangements, legislative requirements, and HR best practice.",
            ),
            (
                "paragraph",
                "The report recommended the panel apply to the Secretary of State to co-opt a third "
                "independent panel member, and subject to approval, appoint the second-place candidate "
                "identified by the panel's selection panel in June 2021. It was noted that statute "
                "required a unanimous decision of the panel to progress this matter.",
            ),
        ],
        [],
    ),
    (
        617,
        "PANEL INQUIRY INTO PUBLIC CONFIDENCE IN POLICING – UPDATE AND NEXT STEPS",
        [
            (
                "paragraph",
                "The Panel noted the progress with the drafting of the report and recommendations of its "
                "Public Confidence in Policing inquiry, and agreed the next steps associated with "
                "publication of the final report.",
            )
        ],
        [
            "That the progress with the Police and Crime Panel's Public Confidence in Policing inquiry "
            "report be noted;",
            "Panel Members be sent an updated draft and given the opportunity to make final comments; "
            "and",
            "Finalisation of the report be delegated to the Panel Chair in consultation with the Panel "
            "Lead Officer.",
        ],
    ),
    (
        618,
        "POLICE AND CRIME COMMISSIONER ANNUAL REPORT 2021/2022",
        [
            (
                "paragraph",
                "In accordance with the Police Reform and Social Responsibility Act, the Panel considered "
                "the Police and Crime Commissioner Annual Report April 2020 to March 2021. Jonathan "
                "Jardine OPCC Chief Executive advised that the reporting schedule meant this report "
                "captured the activity across the term of office of the previous Police and Crime "
                "Commissioner.",
            ),
            (
                "paragraph",
                "Mr Jardine highlighted the key achievements and challenges detailed in the report and "
                "explained in detail the context of the period: rising recorded crime, declining public "
                "confidence in the police across the UK, the changing patterns of criminality, the impact "
                "of the Covid-19 pandemic and police funding pressures.",
            ),
            (
                "paragraph",
                "During the course of the discussion the following points were raised: -",
            ),
            (
                "bullet",
                "Reflecting on the recent HMICFRS Peel Inspection of the Force and published crime "
                "statistics, the meeting was advised the increase in recorded crime was partly down to "
                "better recording practices within the force. The number of domestic violence incidents "
                "police attended were flat, however the number of crimes recorded per incident had risen. "
                "There had also been a dramatic increase in reported cases of sexual offending and "
                "stalking. It was further noted HMICFRS inspectors had commented that the force has "
                "limitations in capacity (resources) to meet the demand for its services.",
            ),
            (
                "bullet",
                "The Panel discussed the data on police complaints. Mr Jardine explained the widening of "
                "the definition of a police complaint to “any expression of dissatisfaction of service” "
                "had led to the sharp increase in the number of complaints received. The PCC assured the "
                "meeting that he would continue oversight of the complaints process including examining "
                "the rate of expressions of dissatisfaction classified into formal complaints. The PCC "
                "expressed disappointment on hearing a panel member’s report that some complainants felt "
                "they had not received a fair hearing or appropriate investigation into their complaint.",
            ),
            (
                "bullet",
                "The PCC highlighted that he continued to ringfence funding for Community Safety "
                "Partnerships from the main police grant, allocated through a combination of overarching "
                "force-level commissioned services (MARAC and Domestic Homicide Reviews), and a devolved "
                "funding element for local projects. Community Safety Partnership priorities were "
                "identified in its Strategic Assessment. A commissioning page was due to be launched on "
                "the PCC’s website, providing a breakdown of all services commissioned directly or via the "
                "CSPs. A link would be sent to Panel members.",
            ),
            (
                "bullet",
                "Responding to concern that less progress had been made addressing disproportionality of "
                "Asian people subject to stop and search, and criticism made about the phase in the annual "
                "report ‘there is clearly more work to be done’, the OPCC gave assurances that whilst "
                "disproportionality overall had reduced, research into the reasons for ethnic disparities "
                "was underway. In addition, the Fairness and Belonging Plan was examining all police "
                "processes to identify disproportionality.",
            ),
            (
                "bullet",
                "Current recruitment statistics indicated 20-25% of new recruits were from a non-white "
                "background, sometimes peaking at 30%. The online recruitment process had facilitated "
                "proportionality gains.",
            ),
            (
                "bullet",
                "The meeting discussed the range of factors contributing to the fall in public confidence "
                "in the police, including structural factors such as loss of 2000 officers since 2010, the "
                "changing nature of crime, and the increase in officers in less visible roles through the "
                "expansion of investigative departments (CID, Organised Crime, Public Protection and "
                "Counter Terrorism). And suggested learning from similar forces where public confidence in "
                "the police was starting to pick up. The PCC highlighted his commitment to rebuilding "
                "neighbourhood policing to build local problem solving, proactive action and enforcement.",
            ),
            (
                "bullet",
                "Concern was expressed that the falling victim satisfaction response rates would have an "
                "impact on the level of data to inform strategy. Mr Jardine acknowledged the need to find "
                "a methodology to better understand victim satisfaction, including how to capture data in "
                "difficult environments.",
            ),
            (
                "bullet",
                "The Panel welcomed the PCC commitment to continue to challenge local car manufacturers to "
                "address vulnerabilities in the security of keyless cars.",
            ),
        ],
        [
            "That the Police and Crime Commissioner’s Annual Report 2020-2021 be received; and",
            "The Panel’s report of the review be presented to the Police and Crime Commissioner.",
        ],
    ),
    (
        619,
        "POLICE AND CRIME COMMISSIONER KEY DECISIONS AND UPDATE",
        [
            (
                "paragraph",
                "The Panel received and noted the list of key decisions made by the Police and Crime "
                "Commissioner since the October 2022 meeting.",
            ),
            (
                "paragraph",
                "Members sought clarification as to why the details of some PCC key decisions could not be "
                "viewed by the public. It was explained that the OPCC could not publish decisions "
                "associated with commercial confidentiality or operational sensitivities and the OPCC "
                "compliance with publishing restrictions was monitored.",
            ),
            (
                "paragraph",
                "The PCC reported on his recent observation of the policing of the night-time economy in "
                "Birmingham and praised the collaboration between the police, security, business owners "
                "and health services. He referred to the priority to catch perpetrators of 'spiking' and "
                "advised the meeting that that free rapid drug testing was available, and victims would "
                "not face prosecution if they had taken another substance during an evening out.",
            ),
        ],
        ["That the recent key decisions taken by the Police and Crime Commissioner be noted."],
    ),
    (
        620,
        "MEASURING PERFORMANCE - POLICE AND CRIME PLAN AND THE NATIONAL CRIME AND POLICING MEASURES",
        [
            (
                "paragraph",
                "Jonathan Jardine, OPCC Chief Executive, presented the report setting out how the OPCC "
                "intended to monitor performance against the Police and Crime Plan 2021-2025, and fulfil "
                "new statutory duties relating to the publication of performance information required for "
                "the National Policing Priorities.",
            ),
            (
                "paragraph",
                "Mr Jardine explained quarterly performance monitoring reports would be presented to the "
                "PCC's Strategic Policing and Crime Board from January 2022, alongside a programme of "
                "thematic reports providing a narrative.",
            ),
            (
                "paragraph",
                "The Panel reflected upon its approach to understanding and reviewing performance data to "
                "inform its scrutiny of the PCC. The OPCC undertook to present quarterly performance "
                "reports to Panel. The Chair asked panel officers to liaise with OPCC to develop an "
                "initial briefing session for Members.",
            ),
            (
                "paragraph",
                "The Panel sought assurance that performance information would be accessible to the public "
                "in a digestible format and asked for contextual information be published alongside "
                "performance data.",
            ),
            (
                "paragraph",
                "The Panel discussed the Police and Crime Plan performance framework and the combination "
                "of numerical targets, trajectory targets and KPIs that would be monitored, noting that "
                "work to determine how data was to be collected in some areas was ongoing (for example, "
                "measuring the impact of activity and resources invested in neighbourhood policing).",
            ),
            (
                "paragraph",
                "It was suggested the public might find the trajectory target to reduce firearm discharges "
                "ambiguous, particularly for those living in communities where firearms were discharged "
                "routinely. The meeting was assured that gun crime was the focus of co-ordinated "
                "enforcement and diversionary activity. A numerical target risked perverse behaviour and a "
                "trend measure was deemed most appropriate and showed the extent of the threat and "
                "legitimatised conversations about where police resources be allocated.",
            ),
            (
                "paragraph",
                "Responding to questions about the collaboration between OPCC and WMP publicity and "
                "communications. The Head of OPCC Communications advised that his team worked closely with "
                "counterparts in WMP to align activity to maximise reach and messaging on joint work. The "
                "team used a multi-channel approach to engage with a local population of 3m people, "
                "highlighting the recent campaign on domestic abuse and changing attitudes towards "
                "violence against women and girls. He undertook to feedback to a future Panel on publicity "
                "about the Fairness and Belonging Plan and recruitment. The Panel was informed that the "
                "OPCC took a proportionate approach to promoting events based on the audience. He further "
                "reported that a pilot had been conducted to inform wider improvements to the quality of "
                "WMNow content and undertook to feedback to WMP the Panel suggestion that more publicity "
                "on firearm seizures was needed.",
            ),
        ],
        [
            "That the report be noted;",
            "Panel Officers and OPCC develop a briefing session for members on performance monitoring; "
            "and",
            "The OPCC be invited to feedback to a future meeting on communications and publicity plans "
            "in relation to the Fairness and Belonging Plan and Recruitment.",
        ],
    ),
    (
        621,
        "ESTATE STRATEGY UPDATE",
        [
            (
                "paragraph",
                "The Commissioner presented the report and updated the Panel on the outcome of the recent "
                "review of the WMP Estate Strategy. He advised the Panel that he had invited the Chief "
                "Constable to review the 2018 WMP estates strategy in view of the impact of Covid and "
                "recruitment of additional officers through National Uplift. The PCC's Strategic Police "
                "and Crime Board initially considered the forces' 11 principles to be applied to the "
                "police estate review and the subsequent recommendations of the Chief Constable.",
            ),
            (
                "paragraph",
                "The PCC summarised the purpose of the revised estate strategy and clarified it retained "
                "the existing number of 10 public contact police stations where the public could visit to "
                "report crimes and speak directly to the police, would increase dedicated response hubs "
                "across the region from 6 to 8, and ensure neighbourhood police would be based in local "
                "communities.",
            ),
            (
                "paragraph",
                "The PCC assured the meeting that no disposal would take place before he was satisfied "
                "suitable alternative provision was in place and that every effort had been made to "
                "realise social value from the disposal.",
            ),
            (
                "paragraph",
                "The Panel suggested this was an opportunity to build public confidence and that public "
                "engagement and communication were essential to communicate the proposals and address "
                "public perceptions that the strategy just focused on closing stations. Early "
                "communication of the alternative front desk locations would also reassure the public. The "
                "PCC noted community engagement would be important when identifying suitable alternative "
                "locations and exploring co-location options and a timeline associated with communication "
                "and engagement would be developed, but there was still several years before the disposal "
                "process began.",
            ),
            (
                "paragraph",
                "Responding to a question about Solihull police station, the PCC confirmed the pledge "
                "remained to replace it with a suitable alternative within Solihull Town Centre, and the "
                "location was a matter of ongoing discussion with Solihull MBC.",
            ),
            (
                "paragraph",
                "Responding to questions about the geographical considerations given to the location of "
                "the response hubs, the PCC noted this had been carefully reviewed by the Chief Constable "
                "and had led to an additional two hubs.",
            ),
            (
                "paragraph",
                "The PCC was asked if he was satisfied the strategy provided sufficient capacity for the "
                "National Uplift of police officers and whether 10 front desks were sufficient for a "
                "region of 3m residents, the PCC reiterated that this was an operational decision taken by "
                "the Chief Constable based on Chief's assessment of what estate was required to "
                "effectively and efficiently police the West Midlands.",
            ),
            (
                "paragraph",
                "The Panel agreed to support the PCC's campaign seeking an additional 1,000 police "
                "officers and a fair funding settlement for the West Midlands and undertook to write to "
                "the Policing Minister in support.",
            ),
        ],
        [
            "That the report be noted; and",
            "That the Panel write to the Policing Minister in support of the PCC's campaign seeking a "
            "fair funding decision for the West Midlands.",
        ],
    ),
    (
        622,
        "PANEL WORK PROGRAMME 2021/2022",
        [
            (
                "paragraph",
                "Drawing the meeting to a close the Chair wished everyone a safe Christmas and happy New "
                "Year.",
            )
        ],
        ["That the Panel work programme be received and noted."],
    ),
]
