"""Credits: every place an article names a news agency or outlet as its source.

:func:`extract_credits` turns a parsed article into ``sourcing`` records (see
:mod:`toolkit.schema`): ``"…, Reuters reported"`` and ``"per Reuters"`` are
citations, ``"told the BBC"`` an interview, ``"AFP and AP contributed to this
report"`` a wire credit, ``"This story originally appeared in …"`` a
republication. The names come from the editable agency/outlet list
(:mod:`toolkit.sourcing.sources`); an organisation missing from it is still
found when the text says what it is ("Polish tabloid Fakt", "the Muenchner
Merkur newspaper") and gets ``source_type = "unlisted"`` so an analyst can add it.
"""

from __future__ import annotations

import re
from functools import lru_cache

from toolkit.context import doc_text
from toolkit.sourcing.sources import Source, Sources, cached_sources, strip_the

KINDS = ("wire_credit", "citation", "republished_from", "interview_with")

# words that may stand between a cue and the name: "told Italy's Mediaset
# broadcaster", "according to Russia's state news agency RIA Novosti"
_MOD_WORD = (
    r"(?:the|a|an|[A-Z][\w'’.&-]*|news|agency|newspaper|broadcaster|tabloid|daily|weekly|magazine|channel|"
    r"station|radio|tv|television|website|site|outlet|state|state-run|state-owned|state-controlled|public|"
    r"official|business|independent|local|regional|national|online|service|newswire|wire|pro-kremlin|"
    r"kremlin-controlled|kremlin-friendly|opposition|liberal|conservative|financial|investigative|respected|"
    r"german|french|italian|polish|russian|ukrainian|british|american|swiss|turkish|chinese|japanese|"
    r"spanish|israeli|iranian|belarusian|norwegian|swedish|finnish|dutch|austrian|czech|hungarian|"
    r"lithuanian|latvian|estonian|romanian|moldovan|georgian|indian|canadian|australian|"
    r"us|u\.s\.|uk|eu|german-language|english-language|russian-language|hardline|popular|leading|"
    r"evening|morning|sunday|weekly|monthly)"
)
_MOD = rf"(?:{_MOD_WORD}\s+){{0,4}}"

_INTERVIEW_CUE = (
    r"told|tells|telling|tell|spoke\s+to|speaking\s+to|speaks\s+to|talking\s+to|talked\s+to|talks\s+to|"
    r"said\s+to|gave\s+an?\s+(?:\w+\s+)?interview\s+to|interviews?\s+(?:given\s+)?to|interview\s+with|"
    r"interviewed\s+by|in\s+comments\s+to|in\s+remarks\s+to|in\s+a\s+statement\s+to|wrote\s+in|writing\s+in|"
    r"writes\s+in|op-ed\s+(?:in|for)|column\s+(?:in|for)|opinion\s+piece\s+(?:in|for)|essay\s+(?:in|for)|"
    r"said\s+(?!according\b)(?:the\s+|a\s+|an\s+)?(?:[\w’'-]+\s+){1,3}to|said\s+on|speaking\s+on|appeared\s+on|appearing\s+on|told\s+\w+\s+on|speaking\s+with|spoke\s+with|"
    r"talking\s+with|talked\s+with"
)
_CITATION_CUE = (
    r"according(?:\s+to)?|per|citing|cited\s+by|quoted\s+by|quoting|reported\s+by|as\s+reported\s+by|"
    r"as\s+reported\s+in|reports?\s+(?:by|in|from)|a\s+report\s+(?:by|in|from|on)|"
    r"(?:article|story|investigation|analysis|piece|dispatch|report|reporting|footage|video|tally|count|data|"
    r"figures|estimate|calculations?)s?\s+(?:by|in|from|published\s+by|for|of)|published\s+by|published\s+in|"
    r"broadcast\s+by|broadcast\s+on|aired\s+by|carried\s+by|via|writes\s+for|writing\s+for|wrote\s+for|"
    r"reporting\s+for|reports\s+for|serialised\s+in|serialized\s+in|excerpted\s+in|extracts?\s+(?:published\s+)?in|"
    r"briefed\s+to|leaked\s+to|seen\s+by|obtained\s+by|confirmed\s+to|(?:told|said)\s+(?:\w+\s+){0,3}according\s+to"
)
_REPUBLISHED_CUE = (
    r"(?:first|originally)\s+(?:published|appeared|ran|posted|aired|broadcast)\s+(?:by|in|on|at)|"
    r"(?:republished|reproduced|reprinted|syndicated|adapted)\s+(?:with\s+(?:kind\s+)?permission\s+)?(?:from|by|courtesy\s+of)|"
    r"courtesy\s+of|this\s+(?:article|story|piece|report)\s+(?:was\s+|is\s+)?(?:first\s+|originally\s+)?"
    r"(?:published|appeared|produced)\s+(?:in|on|by)"
)

_L_REPUBLISHED = re.compile(rf"\b(?P<cue>{_REPUBLISHED_CUE})\s+{_MOD}$", re.I)
_L_INTERVIEW = re.compile(rf"\b(?P<cue>{_INTERVIEW_CUE})\s+{_MOD}$", re.I)
_L_CITATION = re.compile(rf"(?:^|(?<=[\s(“\"‘,;:—–-]))(?P<cue>{_CITATION_CUE})\s+{_MOD}$", re.I)
_L_ON = re.compile(rf"\b(?P<cue>on)\s+{_MOD}$", re.I)
# "the head of Russia Today", "the editor of the Spectator": the name says who someone is
_L_HEAD_OF = re.compile(r"\b(?:head|editor|editor-in-chief|chief|director|director-general|founder|owner|boss|"
                        r"chairman|chairwoman|publisher|proprietor)s?\s+of\s+(?:the\s+)?$", re.I)
# "a regular commentator on the BBC World Service": an affiliation, not a credit
_L_AFFILIATION = re.compile(r"\b(?:commentator|presenter|correspondent|reporter|editor|host|columnist|contributor|"
                            r"producer|anchor)s?\s+(?:on|for|at|with)\s+(?:\S+\s+){0,4}$", re.I)
_L_IN_A = re.compile(r"\b(?P<cue>(?:in|during|to)\s+an?\s+(?:exclusive\s+|wide-ranging\s+|recent\s+|rare\s+|separate\s+)?)$", re.I)
_L_REPORTING_BY = re.compile(rf"\b(?P<cue>(?:additional|further|with)?\s*reporting\s+(?:by|from)|source[s]?\s*:|credit\s*:|©)\s*{_MOD}$", re.I)
_L_WITH = re.compile(r"\b(?P<cue>with)\s+(?:the\s+)?$", re.I)
_L_DASH = re.compile(r"(?P<cue>[—–]|\s-)\s*$")
_L_PAREN = re.compile(r"(?P<cue>\()\s*$")
_L_PHOTO = re.compile(
    r"(?:photograph|photo|image|picture|pictures|illustration|composite|graphic|video|footage)s?\s*(?:by|:)\s*"
    r"[^.:;]{0,80}$|(?:images?|pictures?|photos?|photographs?)\s+(?:captured|taken|obtained|published)\s+by\s+$",
    re.I,
)

_R_CITATION = re.compile(
    r"^(?:['’]s?\s+)?(?:\s*(?:news\s+agency|agency|newspaper|daily|tabloid|broadcaster|channel|website|outlet|tv|"
    r"television|radio|news|magazine|wire|newswire|team|journalists?|correspondents?|reporters?|reporting|"
    r"report|reports|investigation|analysis|tally|count|data|calculations?|sources?|itself)\b)*"
    r"\s*(?:,\s*[^,;]{1,80},)?\s*(?:(?:has|have|had|was|is|are|were|also|earlier|first|previously|later|now|"
    r"initially|separately|exclusively|in\s+the\s+area|on\s+\w+day|this\s+\w+|late\s+on\s+\w+day)\s+)*"
    r"(?P<cue>reported|reports|reporting|said|says|quoted|quotes|quoting|cited|cites|citing|wrote|writes|"
    r"revealed|reveals|added|adds|learned|learnt|carried|carries|carrying|published|publishes|claimed|claims|"
    r"filed|broadcast|broadcasts|aired|airs|showed|shows|announced|understands|obtained|seen|saw|confirmed|"
    r"noted|stated|counted|estimated|calculated|found|identified|verified|geolocated|described|tweeted|posted|"
    r"asked|reached|spoke|interviewed)\b",
    re.I,
)
_R_INTERVIEW = re.compile(r"^(?:['’]s)?\s+(?P<cue>interview|interviews|podcast|programme|show)\b", re.I)
_R_CONTRIBUTED = re.compile(
    r"^[^.;]{0,80}?\b(?P<cue>contributed|contributes|contributing)\s*(?:to\s+(?:this|the)\s+(?:report|article|story|"
    r"coverage|blog)|(?:additional\s+)?reporting|[.)]|$)",
    re.I,
)
_R_DATELINE = re.compile(r"^\s*\)\s*[-–—:]")
_R_EMBED = re.compile(r"^\s*\(@\w+\)")
_R_SLASH = re.compile(r"^\s*/")
_R_END = re.compile(r"^\s*[.)]?\s*$")
# "CNN and the New York Times have reported": a name followed by another name
_R_AND_NAME = re.compile(r"^\s*(?:,|and|or|&)\s+(?:the\s+)?$", re.I)

# organisations named by what they are: "Polish tabloid Fakt", "the Muenchner Merkur newspaper"
_MEDIA_NOUN = (
    r"newspaper|news\s+agency|newswire|broadcaster|tabloid|daily|weekly|magazine|news\s+site|news\s+website|"
    r"news\s+outlet|TV\s+channel|television\s+channel|radio\s+station|radio|TV|television|channel"
)
_NAME = r"(?:[A-Z][\w'’.&-]*[\w.]|[A-Z])(?:\s+(?:[A-Z][\w'’.&-]*[\w.]|de|der|des|di|della|la|le|el|of|am|und|&|[0-9]+))*"
_UNLISTED_BEFORE = re.compile(rf"\b(?:{_MEDIA_NOUN})\s+(?P<name>{_NAME})")
_UNLISTED_AFTER = re.compile(rf"(?P<name>{_NAME})\s+(?:{_MEDIA_NOUN})\b")
# "Hearst Connecticut Media Group reported": a name whose last word says it is a news organisation
_MEDIA_NAME_END = (
    r"Media(?:\s+Group)?|News|Press|Post|Times|Herald|Tribune|Gazette|Journal|Chronicle|Daily|Radio|Television|"
    r"TV|Broadcasting|Newspapers?|Pravda|Gazeta|Zeitung|Novosti|(?:News|Press)\s+Agency|Telegraph|Independent|"
    r"Courier|Observer"
)
_UNLISTED_MEDIA_NAME = re.compile(rf"(?P<name>(?:[A-Z][\w'’.&-]*\s+){{1,4}}(?:{_MEDIA_NAME_END}))\b")
# social platforms are not news organisations ("his Telegram channel")
_PLATFORM = re.compile(r"^(?:Telegram|Twitter|Facebook|YouTube|Instagram|TikTok|VKontakte|VK|WhatsApp|Signal|Viber|"
                       r"Reddit|Substack|Rumble|Odnoklassniki)$")
_NOT_A_NAME = re.compile(
    r"^(?:The|A|An|State|National|Public|Official|Independent|Local|Regional|Online|News|Russia|Ukraine|"
    r"Kremlin|Western|Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|He|She|It|They|Its|Their|"
    r"His|Her|In|On|At|As|But|And|This|That|Last|Earlier|Italy|Poland|Germany|France|Britain|China|Iran|"
    r"Turkey|Belarus|Swiss|Switzerland|Norway|Sweden|Finland|Japan|Israel|Georgia|Moldova|US|UK|EU|"
    r"French|Dutch|Greek|Thai|Welsh|"
    r"[A-Z][a-z]+(?:an|ian|ese|ish|ic|i)|[A-Z][a-z]+['’]s)$"
)


# an organisation referred back to by what it is: "telling the news agency", "the paper said";
# each description names the source types it may refer to
_ANY_TYPE = ("agency", "newspaper", "broadcaster", "online", "magazine", "unspecified")
_ANAPHOR_NOUNS = {
    "news agency": ("agency",), "agency": ("agency",), "newswire": ("agency",), "wire service": ("agency",),
    "news service": ("agency",),
    # an online-only paper is "the newspaper" too ("the online newspaper Ukrainska Pravda")
    "newspaper": ("newspaper", "online"), "paper": ("newspaper", "online"), "daily": ("newspaper",),
    "tabloid": ("newspaper",),
    "broadsheet": ("newspaper",), "broadcaster": ("broadcaster",), "channel": ("broadcaster",),
    "magazine": ("magazine",), "website": ("online", "newspaper", "broadcaster", "agency", "magazine"),
    "news site": ("online", "newspaper", "broadcaster", "agency", "magazine"),
    "news website": ("online", "newspaper", "broadcaster", "agency", "magazine"),
    "outlet": _ANY_TYPE, "news outlet": _ANY_TYPE, "publication": _ANY_TYPE,
}
_ANAPHOR_MOD = (r"(?:state|state-run|state-owned|state-controlled|official|independent|business|national|"
                r"russian|ukrainian|british|american|german|french|polish|italian|news|wire|same)")
_ANAPHOR_DESC = "|".join(n.replace(" ", r"\s+") for n in sorted(_ANAPHOR_NOUNS, key=len, reverse=True))
_ANAPHOR = re.compile(
    # lower-case descriptions only ("the Channel 4 show" is a name), not followed by a name or
    # another description ("the news agency Yonhap", "the business daily newspaper Kommersant")
    rf"(?<![\w-])[Tt]he\s+(?:(?i:{_ANAPHOR_MOD})\s+){{0,2}}?(?P<desc>{_ANAPHOR_DESC})"
    rf"(?![\w-])(?!\s+(?:[A-Z]|of\b|and\b|or\b|(?:{_ANAPHOR_DESC})\b))"
)
#: how far back the named organisation of an anaphor may be: characters, and
#: paragraph breaks crossed (a quote's own paragraph after "The New York Times said …")
ANAPHOR_CHARS = 600
ANAPHOR_PARAGRAPHS = 1
_BREAKS = re.compile(r"\n+")


def extract_credits(doc, ctx, sources: Sources | None = None) -> list[dict]:
    """Credits an article gives to news agencies and outlets.

    Args:
        doc: the parsed article (``spacy.tokens.Doc``; its sentences give ``sent_id``).
        ctx: the article's :class:`~toolkit.context.ArticleContext` (its outlet
            decides what a self-name such as "The Times" means).
        sources: the agency/outlet list (default: the shipped
            ``toolkit/sourcing/data/sources.yaml``).

    Returns:
        One record per credit: ``sent_id, start, end`` (character offsets of the
        source's name in the article text), ``surface`` (the name as written,
        without a leading "the"), ``source_id``, ``source`` (canonical name),
        ``source_type`` (agency / newspaper / broadcaster / online / magazine /
        unspecified, or ``unlisted`` for an organisation not in the list),
        ``kind`` (``citation`` / ``interview_with`` / ``wire_credit`` /
        ``republished_from``), ``cue`` (the words that decided the kind) and
        ``self_credit`` (the source is the article's own outlet, per the
        list's ``outlets``/``name``: the outlet's own reporting, not a hop).

    Method:
        Every name of a listed source is found with one exact-case regular
        expression (a leading "the" optional; handles "@Reuters", photo credits
        "Photograph: …/Reuters" and "AFP/Getty" are skipped); an unlisted
        organisation is found when a media noun names it ("Polish tabloid
        Fakt"). Each name becomes a credit only if the words around it in its
        sentence say so, checked in this order: republication cues ("originally
        appeared in"), an embedded post ("— Reuters (@Reuters) May 22, 2022"),
        wire credit lines ("contributed to this report", "(Reuters) –",
        "reporting by", "with agencies", a trailing "— AFP"), the nearest cue
        before the name (interview: "told", "speaking to", "interview with",
        "wrote in"; citation: "according to", "per", "citing", "a report by"),
        a reporting verb after it ("Reuters reported", "Tass quotes", "an AFP
        team in the area said"), "on" + a broadcaster ("said on CNN"), and
        "a BBC interview". A name joined to a credited one by "and" shares its
        kind ("CNN and the New York Times have reported"). A description of a
        news organisation ("the news agency", "the paper", "the broadcaster",
        :data:`_ANAPHOR_NOUNS`, not followed by a name) is a credit to the
        nearest organisation of a fitting type named at most
        :data:`ANAPHOR_CHARS` characters and :data:`ANAPHOR_PARAGRAPHS`
        paragraph break before it ("spoke to Reuters, telling the news agency …"),
        classified by its own cues; with no such name it is nothing (so
        "Ukraine's state security service says … according to the agency" is
        not a credit). A one-word name
        ("the Times", "the Post") means the source already named in the article
        whose full name ends with it, or the article's own outlet when that
        outlet lists it under ``self_names``. A mere mention ("RT and Sputnik
        were banned") is not a credit.

    Source:
        Written for this project; the cue lists follow the credits hand-labelled
        in ``evaluation/data/sourcing_labels.yaml`` (rules in its README).
    """
    sources = sources if sources is not None else cached_sources()
    text = doc_text(doc)
    if not text:
        return []
    matches = _find_names(text, sources)
    if not matches:
        return []
    sent_bounds = [(s.start_char, s.end_char) for s in doc.sents]
    own = sources.for_outlet(getattr(ctx, "outlet", None))
    records: list[dict] = []
    pending: list[tuple[int, dict]] = []  # uncredited names, for "X and Y reported"
    seen_ids: list[Source] = []
    for start, end, source in matches:
        sent_id = _sentence_of(sent_bounds, start)
        s_start, s_end = sent_bounds[sent_id] if sent_id is not None else (0, len(text))
        left = text[max(s_start, start - 160):start]
        right = text[end:min(s_end, end + 160)]
        surface = text[start:end]
        resolved = _resolve(surface, source, own, seen_ids, sources)
        if resolved is not None and resolved.source_id != "agencies":
            seen_ids.append(resolved)
        kind, cue = _classify(left, right, resolved)
        record = {
            "sent_id": sent_id, "start": start, "end": end, "surface": surface,
            "source_id": resolved.source_id if resolved else _slug(surface),
            "source": resolved.name if resolved else surface,
            "source_type": resolved.type if resolved else "unlisted",
            "kind": kind, "cue": cue,
            "self_credit": own is not None and resolved is not None and resolved.source_id == own.source_id,
        }
        if kind is None:
            pending.append((len(records), record))
            records.append(record)
            continue
        records.append(record)
    _share_coordinated_kinds(records, text)
    records += _anaphors(text, records, sent_bounds, own, sources)
    return sorted((r for r in records if r["kind"] is not None), key=lambda r: r["start"])


def _anaphors(text: str, named: list[dict], sent_bounds: list[tuple[int, int]], own: Source | None,
              sources: Sources) -> list[dict]:
    """Credits given by describing an organisation named just before ("telling the news agency")."""
    out: list[dict] = []
    for m in _ANAPHOR.finditer(text):
        start, end = m.span("desc")
        if any(r["start"] < end and start < r["end"] for r in named):
            continue  # part of a name ("the Daily" in a listed name)
        desc = re.sub(r"\s+", " ", m.group("desc").lower())
        sent_id = _sentence_of(sent_bounds, start)
        fits = _ANAPHOR_NOUNS[desc]
        antecedent = None
        for r in reversed(named):
            if r["start"] >= m.start() or r["source_id"] == "agencies":
                continue
            if r["start"] < m.start() - ANAPHOR_CHARS or len(_BREAKS.findall(text, r["end"], m.start())) > ANAPHOR_PARAGRAPHS:
                break
            if (r["source_type"] == "unlisted" or r["source_type"] in fits) and not _is_photo_credit(text, r, sent_bounds):
                antecedent = r
                break
        if antecedent is None:
            continue
        s_start, s_end = sent_bounds[sent_id] if sent_id is not None else (0, len(text))
        source = sources.sources.get(antecedent["source_id"])
        kind, cue = _classify(text[max(s_start, m.start() - 160):m.start()], text[end:min(s_end, end + 160)], source)
        if kind is None:
            continue
        out.append({**antecedent, "sent_id": sent_id, "start": start, "end": end, "surface": text[start:end],
                    "kind": kind, "cue": cue})
    return out


def _classify(left: str, right: str, source: Source | None) -> tuple[str | None, str | None]:
    if _L_PHOTO.search(left) or _R_SLASH.match(right):
        return None, None
    # the name's own "the" is not context: "— The Kyiv Independent (@KyivIndependent)"
    left = re.sub(r"(?:^|(?<=\W))[Tt]he\s+$", "", left)
    if _L_HEAD_OF.search(left):
        return None, None  # "the head of Russia Today, Margarita Simonyan, have said": who she is, not a source
    if m := _L_REPUBLISHED.search(left):
        return "republished_from", _norm(m.group("cue"))
    if _L_DASH.search(left) and _R_EMBED.match(right):
        return "republished_from", "embedded post"
    if m := _R_CONTRIBUTED.match(right):
        return "wire_credit", _norm(m.group("cue"))
    if _L_PAREN.search(left) and _R_DATELINE.match(right):
        return "wire_credit", "dateline"
    if m := _L_REPORTING_BY.search(left):
        return "wire_credit", _norm(m.group("cue"))
    if source is not None and source.source_id == "agencies":
        # "agencies" alone is a credit line only ("with agencies", "— agencies")
        if (_L_WITH.search(left) or _L_DASH.search(left) or not left.strip()) and _R_END.match(right):
            return "wire_credit", "with agencies"
        return None, None
    if _L_DASH.search(left) and _R_END.match(right) and (source is None or source.type == "agency"):
        return "wire_credit", "trailing credit"
    interview = _L_INTERVIEW.search(left)
    citation = _L_CITATION.search(left)
    if interview and citation:
        # the cue nearer the name decides: "told reporters, according to Reuters"
        if citation.start("cue") > interview.start("cue"):
            interview = None
        else:
            citation = None
    if interview:
        cue = _norm(interview.group("cue"))
        # "in an interview with X, according to Y": the interview is with X only
        return "interview_with", cue
    if citation:
        return "citation", _norm(citation.group("cue"))
    if m := _R_CITATION.match(right):
        cue = _norm(m.group("cue"))
        if cue in ("spoke", "interviewed", "asked", "reached"):
            # "CNN spoke to …", "the BBC asked …": the outlet's own reporting
            return "citation", cue
        return "citation", cue
    if (m := _L_ON.search(left)) and source is not None and source.type == "broadcaster" and not _L_AFFILIATION.search(left):
        return "interview_with", "on"
    if (m := _L_IN_A.search(left)) and _R_INTERVIEW.match(right):
        return "interview_with", _norm(m.group("cue")) + " … interview"
    return None, None


def _is_photo_credit(text: str, record: dict, sent_bounds: list[tuple[int, int]]) -> bool:
    """The name sits in a photo credit ("Photograph: Anadolu Agency/Getty Images"): no antecedent."""
    s_start, s_end = sent_bounds[record["sent_id"]] if record["sent_id"] is not None else (0, len(text))
    left = text[max(s_start, record["start"] - 160):record["start"]]
    return bool(_L_PHOTO.search(left) or _R_SLASH.match(text[record["end"]:min(s_end, record["end"] + 160)]))


def _share_coordinated_kinds(records: list[dict], text: str) -> None:
    """"CNN and the New York Times have reported", "AFP and AP contributed":
    a name joined by "and" to a credited neighbour in the same sentence gets
    the neighbour's kind."""
    for _ in range(2):  # chains of three names
        for i, rec in enumerate(records):
            if rec["kind"] is not None:
                continue
            for j in (i + 1, i - 1):
                if not 0 <= j < len(records):
                    continue
                other = records[j]
                if other["kind"] is None or other["sent_id"] != rec["sent_id"]:
                    continue
                a, b = (rec, other) if j > i else (other, rec)
                if _R_AND_NAME.match(text[a["end"]:b["start"]]):
                    rec["kind"], rec["cue"] = other["kind"], other["cue"]
                    break


def _resolve(surface: str, source: Source | None, own: Source | None, seen: list[Source], sources: Sources) -> Source | None:
    bare = strip_the(surface)
    if own is not None and bare in {strip_the(s) for s in own.self_names}:
        return own
    if " " not in bare and len(bare) > 3:
        # "the Times" after "the New York Times": the source already named whose name ends so
        for earlier in reversed(seen):
            if earlier is not source and any(n != bare and n.endswith(" " + bare) for n in map(strip_the, earlier.names)):
                return earlier
    return source


def _find_names(text: str, sources: Sources) -> list[tuple[int, int, Source | None]]:
    bare, with_the = _names_patterns(sources)
    found: list[tuple[int, int, Source | None]] = []
    taken: list[tuple[int, int]] = []
    for pattern in (bare, with_the):
        if pattern is None:
            continue
        for m in pattern.finditer(text):
            start, end = m.span("name")
            if any(s < end and start < e for s, e in taken):
                continue
            found.append((start, end, sources.lookup(m.group("name"))))
            taken.append((start, end))
    for rx, min_words in ((_UNLISTED_BEFORE, 1), (_UNLISTED_AFTER, 1), (_UNLISTED_MEDIA_NAME, 2)):
        for m in rx.finditer(text):
            start, end = m.span("name")
            name = m.group("name")
            # drop leading generic words ("Polish tabloid Fakt" keeps "Fakt")
            words = name.split()
            while words and _NOT_A_NAME.match(words[0]):
                start += len(words[0]) + 1
                words = words[1:]
            # a sentence's full stop is not part of the name ("told Mediaset." keeps "Mediaset")
            if words and len(words[-1]) > 4 and words[-1].endswith(".") and words[-1].count(".") == 1:
                words[-1] = words[-1][:-1]
            if len(words) < min_words or len(" ".join(words)) < 2 or _PLATFORM.match(words[0]):
                continue
            end = start + len(" ".join(words))
            if text[start:end] != " ".join(words):
                continue
            if any(s < end and start < e for s, e in taken):
                continue
            if sources.lookup(text[start:end]) is not None:
                continue
            found.append((start, end, None))
            taken.append((start, end))
    found.sort(key=lambda t: t[0])
    # "BBC Radio Five Live's Sportsweek", "CNN's State of the Union": a programme
    # right after its broadcaster's possessive is the same credit
    kept: list[tuple[int, int, Source | None]] = []
    for start, end, source in found:
        if kept and source is not None and kept[-1][2] is source and re.fullmatch(r"['’]s\s+", text[kept[-1][1]:start]):
            continue
        kept.append((start, end, source))
    return kept


@lru_cache(maxsize=8)
def _compile(names: tuple[str, ...], after_the: bool) -> _NameScan | None:
    if not names:
        return None
    alternation = "|".join(re.escape(n) for n in names)
    # not inside a handle, hashtag or URL path ("@Reuters"; "AFP/Getty" is handled in _classify)
    before = r"(?<=[Tt]he )" if after_the else r"(?<![\w@#/&-])"
    return _NameScan(re.compile(rf"{before}(?P<name>{alternation})(?![\w-]|['’][a-rt-z])"), names, after_the)


class _NameScan:
    """``pattern.finditer(text)`` for the alternation of source names, with
    the pattern tried only where a name can start.

    The alternation of a few hundred names was tried at every word of every
    article (about half of the sourcing step, issue 14, sixth pass). A match
    starts with a name, so (case-sensitively) with one of the names' first
    two characters, after the characters the pattern's lookbehind allows:
    a scan for the names' first characters (a character class, which the
    regular-expression engine searches for quickly) with the same lookbehind,
    or for "the "/"The " for the names written with it, finds every position
    where the pattern can match, and it is tried there, left to right and
    never inside the previous match: the same matches as ``finditer``."""

    def __init__(self, pattern: re.Pattern, names: tuple[str, ...], after_the: bool):
        self.pattern = pattern
        self.after_the = after_the
        self.prefixes = frozenset(n[:2] for n in names)  # a one-character name is its own prefix
        first = "[" + "".join(sorted({re.escape(n[0]) for n in names})) + "]"
        # the lookbehind after the first character: the character before it is none of [\w@#/&-]
        self.starts = re.compile(r"[Tt]he " if after_the else rf"{first}(?<![\w@#/&-].)")

    def finditer(self, text: str):
        pattern, prefixes, end = self.pattern, self.prefixes, 0
        for start in self.starts.finditer(text):
            at = start.end() if self.after_the else start.start()
            if at < end or (text[at:at + 2] not in prefixes and text[at:at + 1] not in prefixes):
                continue
            m = pattern.match(text, at)
            if m is not None:
                end = m.end()
                yield m


def _names_patterns(sources: Sources) -> tuple[_NameScan | None, _NameScan | None]:
    """Two patterns: names that stand alone, and names the list writes only with
    "The" ("The Sun", "The Hill", "The Atlantic"), found only after "the"/"The".

    Built once per :class:`Sources` and kept on it (its lookups, ``by_surface``,
    are fixed at construction too): collecting the names of every source again
    for every article cost ~0.1 CPU s per 150 ru_ua_2022 articles."""
    cached = sources.__dict__.get("_name_patterns")
    if cached is None:
        cached = sources.__dict__["_name_patterns"] = _build_names_patterns(sources)
    return cached


def _build_names_patterns(sources: Sources) -> tuple[_NameScan | None, _NameScan | None]:
    bare: set[str] = set()
    with_the: set[str] = set()
    for s in sources.sources.values():
        names = s.names
        plain = {n for n in names if strip_the(n) == n}
        for n in names:
            b = strip_the(n)
            (bare if b in plain else with_the).add(b)
    with_the -= bare
    order = lambda ns: tuple(sorted(ns, key=lambda n: (-len(n), n)))  # noqa: E731 -- longest first
    return _compile(order(bare), False), _compile(order(with_the), True)


def _sentence_of(bounds: list[tuple[int, int]], char: int) -> int | None:
    lo, hi = 0, len(bounds) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        s, e = bounds[mid]
        if char < s:
            hi = mid - 1
        elif char >= e:
            lo = mid + 1
        else:
            return mid
    return None


def _norm(cue: str) -> str:
    return re.sub(r"\s+", " ", cue.strip().lower())


def _slug(surface: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", strip_the(surface).lower()).strip("_")
