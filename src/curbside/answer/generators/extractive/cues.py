"""Cue patterns that describe an evidence sentence for the extractive generator: which section it
sits in (conclusions, recommendations, a guideline summary's scope fields), what it does
(concludes, recommends, describes methods, points elsewhere), and what makes it unusable alone
(a dangling "These …", a list cut off, news of a drug in development)."""

from __future__ import annotations

import re

CAPS_BACKGROUND = re.compile(r"^(?:BACKGROUND|OBJECTIVES?|PURPOSE|AIMS?|INTRODUCTION|CONTEXT|METHODS?|DESIGN|"
                             r"SETTING|PATIENTS|PARTICIPANTS|INTERVENTIONS?|EXPOSURES?|MEASUREMENTS|"
                             r"MAIN OUTCOME MEASURES?|MAIN OUTCOMES? AND MEASURES?)\b")

# a sentence that continues a list whose opening is elsewhere: "In whom TTE is technically difficult …"
# … or whose list was cut off: "To help prevent an H. pylori infection, you should."
OPEN_END = re.compile(r"\b(?:should|must|to|the|a|an|of|with|for|and|or|include|includes|are|is|be|such as|"
                      r"following|who|which|that)[.:;,]*$")  # lower-case: not "(Grade A)."
# "These are warning signs of a stroke: sudden numbness …" points forward to its list, not back
FORWARD = re.compile(r"^(?:these|this|they) (?:are|is|include)\b[^:]{0,80}: ", re.IGNORECASE)
RELATIVE_START = re.compile(r"^(?:in|for|of|to|with|by) (?:whom|which)\b|^(?:whom|whose|who)\b", re.IGNORECASE)

UNLESS = re.compile(r"\bunless contraindicated\b|\bif [^.;]{0,60}\b(?:is|are) contraindicated\b|"
                    r"\bwho (?:do|did) not\b|\bnot at (?:increased |high )?risk\b", re.IGNORECASE)

CONCLUSION_SECTION = re.compile(r"conclu|interpret|implication|summary|key points|bottom line", re.IGNORECASE)
RECOMMENDATION_SECTION = re.compile(r"recommend|statement|guidance", re.IGNORECASE)
# a key action statement profile's labelled lines ("Benefits: …", "Risks, harms, cost: …") and similar
# labelled notes: the reasoning behind a recommendation, which out of their table read as claims
PROFILE_LABEL = re.compile(
    r"^\(?(?:benefits?|risks?,? harms?,? (?:and )?costs?|harms?|costs?|aggregate evidence quality|"
    r"benefits?[- ]harms? assessment|benefit-harm assessment|value judgm?ents?|intentional vagueness|"
    r"role of patient(?: \([^)]{1,30}\))? preferences?|exclusions?|exceptions?|policy level|"
    r"differences of opinion|values and trade-?offs|"
    r"quality of evidence|strength of recommendation|evidence (?:quality|level|grade|strength)|notes?|"
    r"note from [^:]{1,60}|remarks?|rationale|comments?|(?:[a-z]+ )?definition)\s*\)?:", re.IGNORECASE)
METHOD_SECTION = re.compile(r"method|design|setting|participant|patients and|materials|objective|aim|"
                            r"purpose|background|introduction|context", re.IGNORECASE)

CONCLUSION_CUE = re.compile(
    r"\b(?:in conclusion|in summary|taken together|(?:these|our|the) (?:results|findings|data|observations) "
    r"(?:suggest|indicate|show|demonstrate|support|confirm|highlight)|(?:this|our|the present) (?:study|trial|"
    r"review|analysis|meta-analysis) (?:shows|suggests|demonstrates|indicates|found|confirms)|"
    r"(?:suggest|indicate|demonstrate|conclude|show|confirm)s? that|we conclude|"
    # … and what the pooled or randomised evidence has shown ("Several meta-analyses, systematic reviews, and
    # randomized trials have demonstrated that …"; not "several studies have shown that", a guideline's aside)
    # (the studies themselves as the subject: "evidence from both RCTs and real-world studies has demonstrated
    # that …" read as a conclusion gave liraglutide for weight a No from the conclusion model)
    r"(?:meta-analyses|systematic reviews|randomi[sz]ed (?:controlled )?trials),? (?:and [^.;]{0,40})?have "
    r"(?:consistently |repeatedly )?(?:demonstrated|shown|confirmed) that|"
    # … and a trial's own finding of no difference ("This is the first study assessing the efficacy of inositol in the
    # treatment of trichotillomania, but found no differences in symptom reductions between inositol and placebo"),
    # which a review's "inositol … show promise" had outvoted
    r"(?:study|trial)\b[^.;]{0,100}\bfound no (?:statistically )?(?:significant )?differences?)\b", re.IGNORECASE)
RECOMMENDATION_CUE = re.compile(
    r"\b(?:we recommend|(?:is|are) (?:recommended|indicated|suggested|preferred|advised)|recommends?|"
    # (GRADE's weak recommendation: "The Task Force suggests RT/RS in patients who have failed TSS", "we suggest …")
    # (not what authors infer: "We suggest that disruption of normal endochondral ossification may be associated …")
    r"(?:we|(?:the )?(?:task force|panel|committee|work ?group|guideline (?:development )?group|gdg)) suggests?"
    r"(?! that\b)|"
    r"should (?:be|receive|consider|undergo|include|start|not|avoid|only|prescribe|offer|use|give|administer|treat|"
    r"initiate|refer|perform|obtain|order|screen|educate|counsel|provide|discuss|examine|assess|evaluate|measure|"
    r"monitor|check|document|inform|advise|continue|discontinue|stop|repeat)\b|first[- ]line|"
    r"(?:treatment|drug|agent|therapy|antibiotic)s? of choice|"
    # … and the test to do ("MRI … of the complete spine is the ideal imaging study", "… the investigation of choice")
    r"(?:test|investigation|examination|modality|(?:imaging )?study) of choice|"
    r"(?:is|are) the (?:ideal|preferred|best|recommended|initial) (?:imaging |diagnostic |first-line )?"
    r"(?:study|studies|test|tests|investigation|examination|modality)\b|"
    r"(?:the )?(?:best|preferred|main|usual) (?:treatment|therapy)|mainstay of (?:treatment|therapy)|"
    r"(?:is|are) (?:usually |often |mainly |most often |commonly |generally |typically )?(?:treated|managed) "
    r"(?:with|by)|"
    r"standard (?:of care|treatment|therapy)|strong(?:ly)? recommend|(?:weak|conditional) recommendation|"
    r"grade [a-d12]\b|\(grade|strength of recommendation|level of evidence|quality of evidence|"

    r"\[[a-d]\]|class (?:i|ii|iia|iib|iii)\b)|(?:^|[,;:] )(?:do not (?:routinely )?|don't )?"
    r"(?:initiate|start|use|consider|offer|give|prescribe|"
    r"avoid|treat|screen|refer|measure|add|titrate|obtain|administer|continue|discontinue|stop|monitor|"
    r"evaluate|assess|reassure)\b|"
    # … also when no comma sets off whom it is for ("In patients with major limb trauma use a tourniquet if …")
    r"^(?:in|for) (?:patients|people|adults|children|women|men|those|infants|neonates)\b[^.;,]{0,80}? "
    r"(?:use|offer|consider|give|start|refer|treat|prescribe|avoid|do not)\b|"
    # … or graded by its strength and evidence ("… then breast ultrasound [I C]": University of Michigan)
    r"\[(?:i{1,3}|iv) [a-d]\]|"
    # … or a GRADE label after the statement ("… in high HIV prevalence, resource-limited settings (conditional,
    # moderate quality evidence)")
    r"\((?:strong|conditional|weak)(?: recommendation)?[,;] (?:very )?(?:high|moderate|low)[- ]quality\b",
    re.IGNORECASE)
# what others recommend, reported ("Various organizations have recommended routine screening for scoliosis …", "U.S.
# organizations that advocate screening recommend the forward bend test …"): the document's background, not its
# advice (the USPSTF statement quoting them finds the evidence insufficient)
REPORTED_ADVICE = re.compile(r"^(?:various|some|several|many|other|most|certain|a number of|u\.s\.|national|"
                             r"international|professional|medical)\s+(?:[\w.-]+\s+){0,3}?(?:organi[sz]ations|"
                             r"societies|groups|bodies|agencies|associations|experts|authorities|guidelines)\b",
                             re.IGNORECASE)
# … or what is usually done or advised, reported ("Surveillance or screening for speech and language disorders is
# commonly recommended as part of routine developmental surveillance …", USPSTF's "Current Practice"): background
# (not "is generally recommended", "is usually recommended": how guidelines word their own advice)
COMMON_PRACTICE = re.compile(r"\b(?:is|are) (?:commonly|often|widely|frequently) "
                             r"(?:recommended|advised|performed|practi[cs]ed)\b|\bthe most common practice\b|"
                             r"\bcurrent (?:\w+ )?practice (?:for|in|is|involves|typically)\b", re.IGNORECASE)
GRADED = re.compile(r"\((?:strong|moderate|weak|conditional|expert|grade|level|class)[^)]*\)|\bgrade [a-d]\b|"
                    r"\bstrong recommendation\b", re.IGNORECASE)
METHOD_CUE = re.compile(
    r"\b(?:we (?:aimed|sought|investigated|examined|evaluated|assessed|studied|reviewed|conducted|performed|"
    r"analy[sz]ed|hypothesi[sz]ed|describe|present|retrospectively|prospectively|included|excluded|enrolled|"
    r"measured|compared|used)|the (?:aim|purpose|objective|goal)s? (?:of|was|were)|this (?:study|paper|report) "
    r"(?:was|aimed|aims|examined|evaluated|describes)|(?:were|was) (?:enrolled|recruited|randomi[sz]ed|"
    r"included|identified|reviewed|collected|obtained|divided|selected|assigned|performed|conducted|"
    r"carried out|measured|recorded|extracted|interviewed|surveyed)|data (?:were|was) |a total of \d+|"
    r"(?:retrospective|prospective) (?:review|analysis) of|"
    # (not a finding that evidence is too thin "to assess the balance of benefits and harms": a USPSTF I statement)
    r"(?<!insufficient )(?<!inadequate )(?<!sufficient )to (?:determine|evaluate|assess|investigate|"
    r"examine|compare) (?:whether|the|if)|"
    # a trial's aim opening the sentence ("To evaluate extended dosing with faricimab, …")
    r"^to (?:evaluate|assess|investigate|examine|compare|determine|explore|describe|characteri[sz]e)\b)\b",
    re.IGNORECASE)
# a sentence wholly in parentheses is a provenance note or an aside: "(Modified from 2004 VA/DoD HTN CPG.)"
ASIDE = re.compile(r"^\s*\([^()]*\)\.?\s*$")
# an entry of a reference list: "Nienhuijs S, de Hingh I. Conventional versus LigaSure …", "Smith AB,
# Jones C, et al." — a citation, not a claim
_AUTHOR = r"(?:(?:van|von|de|der|den|da|di|du|le|la) )*[A-Z][a-z'’]+(?:[ -][A-Z][a-z'’]+)* [A-Z]{1,3}"
REFERENCE_ENTRY = re.compile(rf"^{_AUTHOR}(?:(?:,? (?:and )?{_AUTHOR}){{1,9}}(?:,? et al)?|,? et al)\.\s+[A-Z]")
# a health page's glossary of the tests it names ("CT scan (CAT scan): A procedure that makes a series of detailed
# pictures …"): what a word means, not what to do (it had led "… does he still need check-ups or scans?")
GLOSSARY_ENTRY = re.compile(r"^[A-Z][\w'/ -]{1,50}(?: \([^()]{1,60}\))?: (?:A|An) (?:[\w-]+ ){0,2}(?:procedure|"
                            r"test|method|device|machine|scan|exam|examination)\b")
META_CUE = re.compile(
    r"\b(?:see (?:the )?(?:section|table|figure|appendix|field|below|above)|this (?:[\w-]+ ){0,2}(?:guideline|"
    r"document|summary|report|statement|update)|recommendations? (?:from|in|of) this\b"
    r"|(?:listed|given|defined|provided) (?:below|above|at the end)|rating scheme|ngc|"
    r"(?:described|listed|discussed) in this (?:section|chapter|document)|see special instructions|"
    r"the following(?!(?: [\w/-]+){0,3}(?: \([^()]{1,40}\))?: \S)|"
    r"refer to the|original guideline document|companion document|supports? research|conducts? research|"
    r"research (?:on|is being|are being)|clinical trials? (?:are|is) (?:under ?way|ongoing|recruiting)|"
    r"more information|this (?:page|website|site|fact sheet)|click here|www\.|https?://|watch the video|"
    r"the (?:committee|panel|work ?group|task force|guideline (?:development )?group|gdg|authors?|expert group|"
    r"guideline panel) (?:felt|noted|identified|considered|agreed|discussed|acknowledged|decided|uses?|used|"
    r"believes?|recogni[sz]ed)|(?:is|are) presented (?:in|as)|in the form of \d+ algorithms?|"
    r"(?:is|was|are|were) based on (?:a|the) (?:review|systematic review|consensus)|"
    r"this recommendation (?:updates|replaces|is a refinement|is consistent|applies|focuses|does not apply|"
    r"is intended)|"
    # whom the recommendations leave out ("The recommendations do not apply to women with symptoms …, women who do not
    # have a cervix (because of hysterectomy) …"): their scope, no advice for those women
    r"\b(?:these|the|its) (?:recommendations?|guidelines?|statements?) (?:does|do) not apply\b|"
    # NICE's legend of its provenance tags ("Recommendations are marked as [2006, amended 2014] …: … indicates that the
    # evidence has not been reviewed since 2006"), which read as a finding said no to screening for atrial fibrillation
    r"\brecommendations? (?:are|is) marked\b|"
    r"updates? and replaces?|it is assumed|see (?:other|additional|the following) (?:resources|sources|references)|"
    r"can be found (?:in|within|at|on)|see variant|select this (?:procedure )?only|"
    r"in light of all circumstances|rely on mutual communication|"
    r"(?:is|are) provided\b(?! (?:by|to|for|in|with))|"
    r"the above (?:guidelines?|sections?)|such a definition|(?:committee|panel|work ?group|task force|authors?) "
    r"(?:is|are|was|were) (?:confident|aware|of the opinion)|"
    # a grade's definition quoted with the recommendation ("Recommendation based on systematic reviews of
    # RCTs with a preponderance of benefit over harm.")
    r"^(?:strong |weak )?(?:recommendation|option) based on|preponderance of (?:benefits?|harms?) over|"
    r"^(?:grade|level|class) (?:[a-e]|[0-4][a-c+-]?|i{1,3}v?|iv)\s*[:=–-]\s|the evidence consists of|"
    r"studies with negative results have|^variant \d+(?=\s*:)|\bwhile this (?:guidance|guideline) was (?:in|under) "
    r"development\b|"
    # GRADE's explanation of what a strength of recommendation implies ("Healthcare Workers - Most people should
    # receive the recommended course of action.")
    r"\bthe recommended course of action\b|\bcan be adapted as (?:a )?policy\b|"
    r"\bnot (?:considered|covered|included) in this\b|"
    # a pointer to other guidance ("See the NICE clinical guideline Antenatal and postnatal mental health … for
    # guidance on …", "The USPSTF has several recommendations that may be relevant, including …")
    r"^see (?:also )?(?:the )?(?:[\w'’-]+ ){0,4}?(?:guidelines?|guidance|recommendations?)\b|"
    # (… or to another part of the same one: 'See also "Diabetic Kidney Disease" below.')
    r"^see (?:also )?[\"“'‘][^\"”'’]{2,80}[\"”'’] (?:below|above)\b|"
    r"\bfor further information\b|"
    # a pointer to a table or figure ("Table 2, below, summarizes the therapeutic recommendations for ondansetron …")
    r"\b(?:table|figure|box) \d+[a-z]?,? (?:(?:below|above),? )?(?:summari[sz]es|lists|shows|presents|gives)\b|"
    # NICE's pointer to a drug's licence ("For full details of adverse reactions and contraindications, see the summary
    # of product characteristics.")
    r"\bfor (?:full |further |more )?details\b[^.;]{0,80}\bsee\b|\bsee the summary of product characteristics\b|"
    r"\b(?:has|have) (?:several|other|a number of|related) recommendations (?:that|which) (?:may|might) be relevant\b|"
    # how a guideline words and grades its recommendations ("The GDG makes a recommendation based on the trade-off
    # between the benefits and harms …", "… more likely to depend on the person's values and preferences than for a
    # strong recommendation", "Recommendations for patient management that reflect clinical certainty …")
    r"\bmakes? (?:a|its) recommendations? based on\b|\bthan for a strong recommendation\b|"
    r"\brated the (?:overall )?(?:quality|certainty) of (?:the )?evidence\b|"
    # ("… and a summary of randomized controlled trials of medication in children with ASD is included")
    r"\b(?:a |the )?(?:summary|table|list|overview|review) of [^.;]{0,100}\b(?:is|are) included\b|"
    # what a guideline is made of ("The updated 2011 practice guideline consists of a series of recommendations …")
    r"\b(?:guidelines?|statement|document) (?:consists? of|comprises?|is composed of)\b|"
    # ("Each contraceptive method section generally includes information about initiation of the method …")
    r"\bsections? (?:\w+ )?(?:includes?|contains?|provides?) information\b|"
    r"\ba series of recommendations\b|\beach recommendation (?:addresses|describes|covers|is)\b|"
    r"^:|\brecommendations? for patient management that reflects?\b|"
    r"^for (?:recommendations|guidance|advice) on [^.;]{0,120}\bsee\b|"
    # a pointer to other advice, not advice ("… support as covered in the first recommendation of the … section",
    # "Recommendations for the treatment of LTBI are available from the CDC")
    r"\b(?:as )?(?:covered|described|set out|outlined) in (?:the )?(?:\w+ ){0,2}(?:recommendations?|sections?)\b|"
    r"\brecommendations? (?:for|on|about) [^.;]{0,80}\b(?:is|are) available (?:from|at|in)\b|"
    r"(?:there is|recogni[sz]es that there is) a balance between (?:the )?(?:harms?|benefits?))\b|"
    r":\s*(?:\([^()]*\)\s*)?\.?$|"
    # a glossary row: an abbreviation and what it stands for ("DA-EPOCH-R, dose-adjusted etoposide, prednisone,
    # vincristine, cyclophosphamide, doxorubicin and rituximab.")
    r"^(?-i:[A-Z][A-Z0-9-]{1,15}),\s+(?![^.;]*\b(?:is|are|was|were|be|been|should|may|might|can|could|must|will|would|"
    r"has|have|had|does|do|did|recommend\w*|suggest\w*|includ\w*)\b)[a-z][^.;]*\.?$|"
    # a question, not an answer: a guideline's key question as a heading ("… which laboratory testing method(s)
    # should be used to diagnose a urinary tract infection? (Level A recommendations).")
    r"\?\s*(?:\([^()]*\)\s*)?\.?$|"
    # a guideline's note on its own wording ("The term accumulation is used but not precisely defined …")
    r"^the (?:term|word|phrase)\b[^.;]{0,60}\b(?:is|was|are) used\b|"
    # … or on its quality measures ("Quality improvement opportunity: Communicating safe preventive measures …")
    r"^quality improvement opportunit(?:y|ies)\b|"
    # what a recommendation was based on, not what it says ("For this recommendation, the USPSTF considered
    # evidence on the benefits and harms of …")
    r"^for this recommendation\b|\bconsidered (?:the )?evidence (?:on|for|about|regarding)\b|"
    # a guideline's title quoted in a comparison ("Dietary and pharmacologic management to prevent recurrent
    # nephrolithiasis in adults: a clinical practice guideline from the American College of Physicians.")
    r":\s*(?:an?\s+|the\s+)?(?:[\w/&-]+\s+){0,4}(?:clinical\s+practice\s+)?guidelines?\b(?:\s+(?:from|of|by)\b[^.;]*)?"
    r"\.?$",
    re.IGNORECASE)
# a drug in development: news about a pipeline, not advice ("… is being developed by MerLion to treat …")
PIPELINE = re.compile(r"\b(?:is|are) (?:being|currently being) (?:developed|investigated|evaluated|tested)\b|"
                      r"\bin phase (?:i{1,3}|[123])\b|\bphase (?:i{1,3}|[123]) (?:clinical )?(?:trials?|evaluation|"
                      r"development|investigation)\b|\bunder development\b|\bbeing developed\b|"
                      # a finding's hope, not a treatment ("ORX antagonists constitute a potential new treatment
                      # strategy for panic disorder")
                      r"\bpotential (?:new |novel )?(?:treatment|therapeutic) "
                      r"(?:strategy|strategies|targets?|options?)\b|"
                      # … or a laboratory finding's ("… bacteria formed a protective film … in mice. If a similar
                      # process can be demonstrated in humans, the discovery may lead to new treatments …")
                      r"\b(?:may|might|could) (?:eventually |one day )?lead to (?:new|novel|better) (?:treatments?|"
                      r"therap(?:y|ies)|drugs?|ways)\b",
                      re.IGNORECASE)
# … or that points back to a list it does not quote, wherever it does so ("Not everyone with
# appendicitis has all these symptoms."): a study's conclusion about "these patients" is exempt
BACK_REFERENCE = re.compile(r"\b(?:all|both|any|none|each|either|one) of (?:these|those|them)\b|"
                            r"\ball (?:these|those)\b|"
                            r"\bthese (?:symptoms|signs|problems|conditions|steps|measures|treatments|medicines|"
                            r"medications|drugs|tests|changes|options|things|factors)\b|"
                            # ("Use this information to support and guide her through her labour": what information?)
                            r"\b(?:this|that|such|the above) (?:information|advice|guidance|assessment|discussion)\b",
                            re.IGNORECASE)
# what to offer those who cannot take the first choice ("… who cannot tolerate or who decline
# aminosalicylates, in whom aminosalicylates are contraindicated …, offer oral prednisolone"): advice for a
# group, not a warning
FOR_THOSE_WHO_CANNOT = re.compile(r"\bwho (?:cannot|can't|could not) (?:tolerate|take)\b|\bwho decline\b|"
                                  r"\bin whom [^.;]{0,60}\bcontraindicated\b|"
                                  r"\b(?:have|with) (?:medical )?contraindications (?:to|for)\b", re.IGNORECASE)
# "… aspirin used for secondary prevention should not be discontinued": not stopping is continuing (a
# yes in a verdict, and advice rather than a pitfall)
NOT_STOPPED = re.compile(r"\b(?:should|must|need) not be (?:discontinued|stopped|withheld|withdrawn|interrupted|"
                         # ("Women should not be denied the use of progestogen-only injectables because of concerns …")
                         r"denied|refused|deprived)\b|"
                         r"\b(?:do not|don't) (?:discontinue|stop|withhold|withdraw|interrupt)\b|"
                         # ("… these concerns should not dissuade patients from banking sperm": do it)
                         r"\b(?:should|must) not (?:dissuade|discourage|deter)\b", re.IGNORECASE)
# a contrast with what went before ("However, the analysis lacked the statistical precision …"), or a continuation of
# it ("Moreover, clinicians should diagnose a BRUE only when …")
_LEANS_ON = (r"however(?=,)|nevertheless(?=,)|nonetheless(?=,)|by contrast(?=,)|in contrast(?=,)|"
             r"moreover|furthermore|additionally|in addition(?=,)|if so(?=,)|if not(?=,)")
LEANS_ON_BEFORE = re.compile(rf"^(?:{_LEANS_ON})\b", re.IGNORECASE)
# "It appears that early enteral nutrition … is safe", "It is recommended that …": an "it" that stands for nothing
_IMPERSONAL = (r"\s+(?:appears?|seems?)\s+(?:that|to)\b|\s+(?:is|was|remains|has been)\s+(?:not\s+)?(?:important|"
               r"recommended|suggested|advisable|reasonable|essential|necessary|unclear|clear|known|uncertain|possible|"
               r"likely|unlikely|prudent|preferable|appropriate|critical)\s+(?:to|that|whether|if)\b")
DANGLING = re.compile(r"^(?:in (?:some|most|many|such) cases, (?:these|this|they|it)\b|for example\b|accordingly\b|"
                      r"(?:\S+ ){1,3}also (?:recommends?|suggests?|advises?)\b|"
                      rf"this|these|those|it(?!{_IMPERSONAL})|they|such|both|the latter|the former|he|she|its|their|"
                      r"other|"
                      r"use (?=should|must|may|is|was)|"
                      r"in this (?:study|trial|series|cohort)|in these|(?:for|in|among) (?:those|them|such)(?! who)|"
                      rf"{_LEANS_ON})\b",
                      re.IGNORECASE)
# … and so is a statement that no recommendation is made, which names nothing it is made on ("The authors cannot make a
# recommendation at this time.", under the heading "Should Diabetes-Specific Enteral Formulas Be Used …?")
NO_RECOMMENDATION = re.compile(
    r"^(?:the )?(?:authors?|panel|committee|work(?:ing)? group|task force|writing group|"
    r"guideline (?:development )?group|we)\s+(?:cannot|could not|can't|(?:is|are|were|was) unable to|do not|does not|"
    r"did not)\s+(?:make|give|offer|provide|issue)\s+(?:an? |any )?recommendations?\b"
    r"(?: (?:at this time|for or against|currently|yet))?\W*$|"
    r"^no recommendations? (?:can|could) be made\b(?: at this time)?\W*$", re.IGNORECASE)
# "It is … that" / "It is … to …" points forward, not back ("It is recommended that patients be assessed
# for GAD …", "It is a proposed and now generally accepted principle that …")
EXPLETIVE = re.compile(r"^it (?:is|was|has been|remains)\b(?: [\w-]+){0,8} (?:that|to)\b", re.IGNORECASE)
STATS = re.compile(r"\bp\s*[<=>≤]|\b95\s*%|\bci\b|\b(?:or|hr|rr|aor|ahr)\s*[=:,]|±|\bodds ratio\b|"
                   r"\bhazard ratio\b|\(\s*\d+(?:\.\d+)?\s*%\s*\)", re.IGNORECASE)
# a positive recommendation that mentions harms ("… select CBT or SGAs after discussing adverse effect
# profiles") says what to do, not what to avoid
ADVISES = re.compile(r"\b(?:recommends?|suggests?|advises?) (?:that|the use|using|offering|\w+ing)\b", re.IGNORECASE)
ADVISES_AGAINST = re.compile(r"\b(?:do not|don't|should not|must not|not recommended|against|avoid\w*|"
                              r"contraindicat\w*|not to|not be (?:used|given|prescribed|offered|started|initiated))\b",
                              re.IGNORECASE)
NEGATED_HARM = re.compile(r"\b(?:no|without|few|minimal|rare|low rates? of|not associated with)\b[^.;]{0,30}"
                          r"(?:adverse|side effects?|harms?|toxicit|complications?|contraindications?)", re.IGNORECASE)


# How strongly a guideline grades a recommendation, from its label in the section ("Recommendation [Grade
# of Recommendation D] — Physical Agents") or the sentence ("(Strong recommendation, high-quality evidence)",
# "(Level A)", "(1B)"): a strong one is what to start with, a weak one ("conditional", grade D, "evidence both
# for and against") rarely is.
_STRONG = re.compile(r"\bstrong(?:ly)? recommend|\bstrong\b[^)\]]{0,20}\bevidence\b|\b(?:grade|level)(?: of "
                     r"recommendation)?:? a\b|\(\s*(?:grade )?[1i]\s*[ab]\s*\)|\[(?:grade |level )?a\]|"
                     r"\bhigh[- ]quality evidence\b", re.IGNORECASE)
_WEAK = re.compile(r"\bconditional\b|\bweak\b|\b(?:grade|level)(?: of recommendation)?:? [du]\b|"
                   r"\(\s*(?:grade )?2\s*[cd]\s*\)|\bvery low\b|\bexpert opinion\b|\bconsensus\b|"
                   r"\bboth for and against\b", re.IGNORECASE)


def strength(section: str, text: str) -> int:
    """+1 for a strong grade, -1 for a weak one, 0 when none is given (or both are)."""
    where = f"{section} {text}"
    return int(bool(_STRONG.search(where))) - int(bool(_WEAK.search(where)))
