"""Cues for which statement leads an answer: the step it names (first, next, later), whom it is for,
and what it is not (research only, a licence, an unsettled question, a study's title).

The bottom line of an open question is weighed by these (``generators/extractive/assemble.choose_bottom``),
and the leading guideline's recommendations are picked with ``FIRST_STEP`` (``topic_sources``); they live
apart so that the weighing reads as weights, not as patterns.
"""

from __future__ import annotations

import re

# a guideline summary's scope and methods fields: what the guideline covers, not what it recommends
SCOPE_SECTION = re.compile(r"^(?:guideline objective|target population|interventions and practices|major outcomes|"
                           r"disease/condition|guideline category|type of evidence|rating scheme|qualifying statements|"
                           r"clinical specialty|intended users|methods? used|description of|number of source|"
                           r"cost analysis|implementation|scope)", re.IGNORECASE)

# a recommendation about what to tell patients ("Explain to people diagnosed with Lyme disease that …")
TELL = re.compile(r"^(?:explain|tell|discuss|inform|reassure|advise|offer (?:information|advice)|give (?:\w+ ){0,2}"
                  r"(?:information|advice)|ask\b[^.;]{0,60}\b(?:if|whether|about))\b", re.IGNORECASE)
# a later step: what to do if the first fails ("If goal BP is not reached …"), or checking that it
# worked ("Monitor the INR to confirm that warfarin anticoagulation has been adequately reversed …")
NEXT_STEP = re.compile(r"^(?:if(?! (?:clinically )?(?:appropriate|indicated|necessary)\b)|once|in case|unless|"
                       r"where)\b|"
                       r"^(?:after|following)\b[^,]{0,80}\b(?:surgery|excision|resection|diagnosis|"
                       r"ablation|treatment|therapy|failure|operation|\w+ectomy)\b|"
                       r"^when\b(?!.*\b(?:is|are) (?:recommended|indicated)\b)"
                       r"(?! (?:treatment|therapy) is (?:needed|necessary|required)\b)|"
                       r"^(?:monitor|re-?check|recheck|repeat|reassess|re-?evaluate)\b.{0,80}\bto (?:confirm|check|"
                       r"ensure|assess)\b", re.IGNORECASE)
# … or says, anywhere, that the first treatment failed or cannot be used ("Consider adding oral prednisolone
# to aminosalicylate therapy … if there is no improvement within 4 weeks", "… whose disease has responded
# inadequately to conventional therapy", "… who cannot tolerate or who decline aminosalicylates")
LATER_STEP = re.compile(r"\bif (?:there is )?(?:no|little|an? (?:inadequate|insufficient|partial|poor)) "
                        r"(?:improvement|response|benefit)\b|\b(?:responded|respond|response) (?:inadequately|"
                        r"poorly)\b|\b(?:inadequate|insufficient|incomplete|partial|poor|no) response to\b|"
                        r"(?<!\bor have )\bnot (?:adequately |sufficiently |well )?(?:controlled|respond(?:ed|ing)?)\b|"
                        r"\bnot (?:made|achieved|shown) (?:sufficient|adequate|enough|any)\b|"
                        r"\b(?:has|have) been (?:unsuccessful|ineffective|insufficient)\b|\b(?:has|have) failed\b|"
                        r"\b(?:is|are|was|were) (?:not effective|ineffective|not tolerated)\b|"
                        r"\bfor whom\b[^.;]{0,80}\b(?:contraindicated|ineffective|not effective|not tolerated)\b|"
                        r"\bwho (?:have )?declined?\b|\bdo not want (?:treatment|to be treated)\b|"
                        r"\bafter the start of (?:\w+ )?(?:treatment|therapy)\b|^for maintenance\b|"
                        r"\b(?:discontinu|stop|withdraw)\w* (?:\w+ ){0,3}(?:after|once|when)\b|"
                        r"\bbeyond the initial\b|\btaper(?:ing)? (?:and|or) (?:withdraw|discontinu|stop)|"
                        r"\b(?:treatment|therapy|management) fails\b|"
                        r"\bfail(?:s|ed|ure of|ing)? (?:to (?:respond|reduce|control|prevent|improve)|"
                        r"(?:initial|first-line|conventional) (?:therapy|"
                        r"treatment))|\brefractory\b|\bintolerant to\b|\bcannot tolerate\b|"
                        r"\bsymptoms (?:persist|worsen)|\bdespite (?:\w+ )?(?:treatment|therapy)\b|"
                        r"\bsecond[- ]line\b|\badd-on\b|\bas an adjunct\b|\badjunctive (?:treatment|therapy|use)\b|"
                        r"^consider adding\b|^add(?:ing)?\b|"
                        # … or an alternative for those who prefer one ("For patients or clinicians wanting
                        # to use nonpharmacologic approaches …")
                        r"\b(?:wanting|preferring|wishing) to (?:use|try|avoid)\b|\bwho (?:prefer|wish to|want to)\b",
                        re.IGNORECASE)
# … unless it grades several options, some well supported ("strong evidence to support the use of
# pramipexole …; … weak evidence to support the use of levodopa")
SETTLED = re.compile(r"\b(?:strong|moderate|good|high[- ]quality) evidence\b", re.IGNORECASE)
# a drug's licence ("retapamulin has been approved in the United States for the treatment of impetigo")
REGULATORY = re.compile(r"\b(?:has|have|had) been approved\b|\b(?:was|were) (?:first )?approved\b|"
                        r"\b(?:fda|ema)[- ]approved\b|\bfirst country to approve\b|\bgained approval\b|"
                        r"\bmarketing (?:approval|authori[sz]ation) (?:was|has been) granted\b", re.IGNORECASE)
FIRST_STEP = re.compile(r"\b(?:initial(?:ly)?|first[- ]line|first[- ]choice|first step|in the first instance|"
                        r"start(?:s|ing)? with|begin(?:s|ning)? with|mainstay|first (?:presentation|episode)|"
                        r"(?:treatment|therapy|drug|agent|medication|management)s? of choice|"
                        r"preferred (?:single )?(?:treatment|therapy|drug|agent|medication|option|regimen|test|"
                        r"investigation)s?|"
                        # what comes before another treatment ("Offer iron therapy to people with anaemia of CKD who
                        # are iron deficient …, before discussing ESA therapy")
                        r"before (?:discussing|starting|offering|considering|initiating|trying|prescribing) (?:an? )?"
                        r"[\w-]+ (?:therapy|treatment|drugs?|medication))\b",
                        re.IGNORECASE)
# "Although indomethacin is commonly considered the first-line NSAID …, there is no evidence …": what
# the concession grants is not what the sentence says
CONCESSION = re.compile(r"^(?:although|though|while|whereas|even though|despite)\b[^,;]{0,200},", re.IGNORECASE)
# an outlook in figures: "survive 3 to 5 years", "a 30% mortality rate within the first year"
RATE = re.compile(r"\b\d+(?:\.\d+)?\s*(?:%|percent|per cent)|\b\d+\s*(?:to|-|–)\s*\d+\s*(?:years?|months?)\b|"
                  r"\bwithin (?:\d+|one|two|three|five|ten) (?:years?|months?)\b", re.IGNORECASE)
# whom to treat ("As a priority, all adults … with CHB and … cirrhosis should be treated, regardless of ALT")
WHO_TO_TREAT = re.compile(r"\b(?:should|must|will) be treated\b(?! with)|\btreatment is (?:indicated|recommended) "
                          r"(?:for|in)\b|\b(?:should|must) (?:receive|be offered|be given) (?:\w+ )?(?:treatment|"
                          r"therapy)\b(?! with)", re.IGNORECASE)
# … and whom to test ("Any first-degree family member of a patient with confirmed CD should be tested …"), for
# a question on how the diagnosis is made
WHO_TO_TEST = re.compile(r"\b(?:should|must) (?:also )?be (?:tested|screened|investigated|evaluated)\b|"
                         r"^consider (?:testing|screening)(?: of)? (?:asymptomatic |all )?(?:relatives|people|patients|"
                         r"adults|children|women|men|family)\b|"
                         r"\boffer (?:\w+ ){0,2}(?:testing|tests?|screening) (?:for [^.;]{1,60} )?to\b|"
                         r"\b(?:testing|screening) (?:is|should be) (?:recommended|offered|considered) (?:for|in)\b|"
                         # … or whom to suspect it in ("… suspicion should be high for vertebral osteomyelitis")
                         r"\bsuspicion (?:should|must) be (?:high|raised)\b|\bindex of suspicion\b|"
                         r"\b(?:should|must) be suspected\b|\bconsider the (?:possibility|diagnosis) of\b",
                         re.IGNORECASE)
# what the treatment of the disease consists of ("Treatment of basal cell carcinoma may include the following: simple
# excision; Mohs micrographic surgery; …"): the options, the answer to how it is treated
OPTIONS = re.compile(r"^(?:the )?(?:standard |main |usual |first-line )?(?:treatments?|therap(?:y|ies)|management|"
                     r"treatment options?) (?:of|for) [^.;:]{1,80}?\b(?:may |can |usually |often |generally )?"
                     r"(?:include|includes|consist of|consists of)\b|"
                     # ("If the hemangioma is large or causing other health problems, treatment may include: …")
                     r"\btreatment (?:options )?(?:may|can|usually|often) includes?\b|"
                     r"^(?:the )?(?:main |usual |standard )?treatments? (?:options )?include\b", re.IGNORECASE)
# … and what is for some cases only ("Topical imiquimod … may be used to treat some small basal cell
# carcinomas"): an answer for the usual case comes first
SOME_CASES = re.compile(r"\b(?:(?:to|in|for) (?:treat )?some|in (?:certain|selected)|for (?:certain|selected)) "
                        r"(?:[\w-]+ ){0,3}(?:cases|patients|people|tumou?rs|lesions|carcinomas|cancers|types|forms)\b|"
                        # ("Hormone therapy may help some women whose migraines seem to be linked to their menstrual
                        # cycle")
                        r"\bsome (?:women|men|children|patients|people|adults) (?:who|whose)\b",
                        re.IGNORECASE)
# what the evidence cannot settle ("There is limited evidence to recommend … physical modalities for …
# acne"): worth saying, but an open question is answered first by what is known to work
UNSETTLED = re.compile(r"\b(?:data|evidence) (?:are|is|were|was|remains?) (?:insufficient|limited|lacking|inconclusive|"
                       r"conflicting)\b|"
                       r"\b(?:limited|insufficient|inconclusive|little|no|not enough|weak|conflicting) (?:data|"
                       r"evidence)\b|\bevidence (?:is|was|remains) (?:limited|lacking|insufficient|inconclusive|"
                       r"conflicting)\b|\bfor or against\b|\bno recommendation\b", re.IGNORECASE)
# … or leaves it to research ("Antibiotic prophylaxis is only recommended … in the context of rigorous
# research"): not advice for practice, as much as a warning
RESEARCH_ONLY = re.compile(r"\bin the context of (?:rigorous )?research\b|\brecommendation\W+research\b|"
                           r"\b(?:further |more )?research is (?:recommended|needed|required)\b|"
                           # ("HoloTC is suggested as a suitable assay … in a routine laboratory in the future")
                           r"\bin the future\b|"
                           # (… or what research is still finding out: "Emerging research suggests that certain DNA
                           # changes before birth also may cause …" for "What causes high blood pressure?")
                           r"\bemerging (?:research|evidence|data)\b|"
                           r"\b(?:researchers|scientists) (?:are|continue to) (?:investigat|stud|look|explor)\w*",
                           re.IGNORECASE)
# when treatment is not needed ("Treatment for essential tremor may not be necessary unless …"): true,
# but "how is it treated" is answered first by what the treatment is
NOT_NEEDED = re.compile(r"\b(?:not|rarely|never) (?:be )?(?:always |usually |often |routinely )?(?:necessary|needed|"
                        r"required)\b|"
                        r"\b(?:is|are)n't (?:necessary|needed|required)\b|"
                        r"\bdo(?:es)? not (?:always |usually )?(?:need|require)\b", re.IGNORECASE)
# … and a paper's title that names what was studied, not what was found ("Characterization of influenza
# virus variants induced by treatment with …", "Clinical and bacteriological efficacy of … retapamulin …")
_DESIGN = r":\s+(?:an?|the)\s+[^.;:]{0,80}\b(?:trial|study|review|meta-analysis|cohort|survey)\.?$"
STUDY_TITLE = re.compile(r"^(?:[A-Z][\w-]* and )?(?:[\w-]+ )?(?:characteri[sz]ation|efficacy|effectiveness|effects?|"
                         r"safety|comparison|evaluation|assessment|analysis|role|impact|use|outcomes?|study|"
                         r"investigation|prevalence|incidence|association|determinants|predictors|management|"
                         r"treatment|diagnosis)\b[^.;:]{0,60}?\bof\b|"
                         # (or that says how it was studied: "Robot-assisted radical cystectomy versus open radical
                         # cystectomy in patients with bladder cancer (RAZOR): an open-label, randomised, phase 3,
                         # non-inferiority trial"; a study's design, not what it made: "MIENTURNET: an interactive web
                         # tool for microRNA-target enrichment and network-based analysis" names the tool asked for)
                         rf"^[^.;:]{{10,200}}{_DESIGN}", re.IGNORECASE)
DESIGN_SUBTITLE = re.compile(_DESIGN, re.IGNORECASE)

# an appropriateness table's row, as ``answer/tables.py`` reads it: "CT abdomen and pelvis with contrast is usually
# appropriate (rating 8) for …"
USUALLY_APPROPRIATE = re.compile(r"\b(?:is|are) usually appropriate\b(?: \(rating (?P<rating>[7-9])\))?", re.IGNORECASE)
# … and the rows that advise against ("MRI lumbar spine … is usually not appropriate (rating 2) for …")
USUALLY_NOT_APPROPRIATE = re.compile(r"\b(?:is|are) usually not appropriate\b", re.IGNORECASE)
# how to do a procedure while doing it ("During paraesophageal hiatal hernia repair the hernia sac should be dissected
# away …"): it takes the decision to operate as made, so it does not say whether to (not "During pregnancy, …")
DURING_PROCEDURE = re.compile(r"^(?:during|in the course of|at the time of|when performing|while performing)\s+"
                              r"[^,;.]{0,60}?\b(?:repairs?|surgery|operations?|procedures?|resections?|\w+ectomy|"
                              r"\w+otomy|\w+ostomy|\w+plasty|\w+pexy|\w+scopy|an(?:a)?esthesia|implantation|insertion)\b",
                              re.IGNORECASE)

# a treatment of any kind: asked whether it must be done, that it is not needed answers (``assemble``)
ANY_TREATMENT = re.compile(r"\b(?:treatment|surgery|operation|procedure|removal|drainage|intervention)\b",
                           re.IGNORECASE)

# a first treatment that failed, said of whom the advice is for (``assemble``: a later step)
NONCURATIVE = re.compile(r"\b(?:noncurative|non-curative|unsuccessful|failed) (?:surgery|resection|treatment|"
                         r"therapy)\b|\bpersistent or recurrent\b", re.IGNORECASE)
