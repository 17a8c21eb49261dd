package fr.asso.europlie.plie.json.cohort;

import fr.asso.europlie.plie.cohort.AccompanimentPeriod;
import fr.asso.europlie.plie.cohort.Adhesion;
import fr.asso.europlie.plie.cohort.BarrierKind;
import fr.asso.europlie.plie.cohort.CohortData;
import fr.asso.europlie.plie.cohort.CohortError;
import fr.asso.europlie.plie.cohort.ContractType;
import fr.asso.europlie.plie.cohort.Declaration;
import fr.asso.europlie.plie.cohort.EntryDecision;
import fr.asso.europlie.plie.cohort.Erasure;
import fr.asso.europlie.plie.cohort.EsfEntryData;
import fr.asso.europlie.plie.cohort.EsfExitData;
import fr.asso.europlie.plie.cohort.EsfSixMonthData;
import fr.asso.europlie.plie.cohort.Exit;
import fr.asso.europlie.plie.cohort.ExitReason;
import fr.asso.europlie.plie.cohort.CohortSettings;
import fr.asso.europlie.plie.cohort.ImportChecks;
import fr.asso.europlie.plie.cohort.ImportReplay;
import fr.asso.europlie.plie.cohort.ImportMode;
import fr.asso.europlie.plie.cohort.ImportedExits;
import fr.asso.europlie.plie.cohort.ImportResult;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.cohort.Gender;
import fr.asso.europlie.plie.cohort.InWorkFollowUp;
import fr.asso.europlie.plie.cohort.IscedLevel;
import fr.asso.europlie.plie.cohort.LabourMarketStatus;
import fr.asso.europlie.plie.cohort.Participant;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.cohort.ParticipantStatus;
import fr.asso.europlie.plie.cohort.PersonalData;
import fr.asso.europlie.plie.cohort.Referent;
import fr.asso.europlie.plie.cohort.ReferentAssignment;
import fr.asso.europlie.plie.cohort.ReferentId;
import fr.asso.europlie.plie.cohort.Referral;
import fr.asso.europlie.plie.cohort.StatusChange;
import fr.asso.europlie.plie.cohort.Step;
import fr.asso.europlie.plie.cohort.StepId;
import fr.asso.europlie.plie.cohort.StepType;
import fr.asso.europlie.plie.error.Violation;
import fr.asso.europlie.plie.json.Document;
import fr.asso.europlie.plie.json.InvalidDocumentException;
import fr.asso.europlie.plie.json.JsonFormat;
import fr.asso.europlie.plie.json.Node;
import fr.asso.europlie.plie.json.UnknownFields;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.TargetPublic;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code plie/cohort} document of the interchange format: referents, participants with their
 * accompaniment periods, and apart the identities and the erasures. A pseudonymised export is the
 * same document without identities (see {@link CohortData#pseudonymised}). See
 * {@code docs/cohort.md}. Given the cohort's settings
 * ({@link #read(String, CohortSettings, ImportMode, ImportedExits)}), reading also checks six-month
 * data collected too early and imported positive exits against the positive-exit rules, at their
 * path in the document, with the lenient imported-exit option.
 */
public final class CohortJson {

    /** The document kind. */
    public static final String FORMAT = "plie/cohort";

    private CohortJson() {
    }

    // ------------------------------------------------------------------ writing

    /**
     * Writes a cohort's data as a document.
     *
     * @param data the data, not null
     * @return the JSON text
     */
    public static String write(CohortData data) {
        return JsonFormat.write(storedTree(data));
    }

    /**
     * Writes cohort data as compact JSON text, without white space between tokens: what a store keeps
     * (the reader accepts either form).
     *
     * @param data the value, not null
     * @return the compact JSON text
     */
    public static String writeCompact(CohortData data) {
        return JsonFormat.writeCompact(storedTree(data));
    }

    private static ObjectNode storedTree(CohortData data) {
        ObjectNode root = JsonFormat.envelope(FORMAT);
        ArrayNode referents = root.putArray("referents");
        data.referents().forEach(r -> referents.addObject().put("id", r.id().value()).put("employer", r.employer().value())
                .put("fullTimeEquivalent", r.fullTimeEquivalent().toPlainString()));
        ArrayNode participants = root.putArray("participants");
        for (Participant participant : data.participants()) {
            ObjectNode p = participants.addObject().put("id", participant.id().value());
            ArrayNode periods = p.putArray("periods");
            participant.periods().forEach(period -> writePeriod(periods.addObject(), period));
        }
        ArrayNode identities = root.putArray("identities");
        data.identities().forEach((id, d) -> {
            ObjectNode i = identities.addObject().put("participantId", id.value()).put("lastName", d.lastName()).put("firstName", d.firstName())
                    .put("birthDate", d.birthDate().toString());
            putIfPresent(i, "address", d.address());
            putIfPresent(i, "email", d.email());
            putIfPresent(i, "phone", d.phone());
            putIfPresent(i, "externalId", d.externalId());
        });
        ArrayNode erasures = root.putArray("erasures");
        data.erasures().forEach((id, e) -> erasures.addObject().put("participantId", id.value()).put("erasedOn", e.erasedOn().toString())
                .put("retainedUntil", e.retainedUntil().toString()));
        return root;
    }

    private static void putIfPresent(ObjectNode node, String name, Object value) {
        if (value != null) {
            node.put(name, value.toString());
        }
    }

    private static void writePeriod(ObjectNode node, AccompanimentPeriod p) {
        node.put("number", p.number());
        ObjectNode referral = node.putObject("referral").put("referrer", p.referral().referrer().value())
                .put("referredOn", p.referral().referredOn().toString());
        putIfPresent(referral, "otherPtiScheme", p.referral().otherPtiScheme());
        ArrayNode publics = node.putArray("targetPublics");
        p.targetPublics().stream().map(TargetPublic::code).sorted().forEach(publics::add);
        node.put("doubleAccompanimentFlagged", p.doubleAccompanimentFlagged());
        if (p.entryDecision() != null) {
            ObjectNode d = node.putObject("entryDecision").put("decidedOn", p.entryDecision().decidedOn().toString())
                    .put("validated", p.entryDecision().validated());
            putIfPresent(d, "reason", p.entryDecision().reason());
        }
        Adhesion a = p.adhesion();
        if (a != null) {
            node.putObject("adhesion").put("participantSignedOn", a.participantSignedOn().toString()).put("referent", a.referent().value())
                    .put("referentSignedOn", a.referentSignedOn().toString()).put("plan", a.plan().value())
                    .put("planSignedOn", a.planSignedOn().toString());
        }
        ArrayNode referents = node.putArray("referents");
        p.referents().forEach(r -> putIfPresent(referents.addObject().put("referent", r.referent().value()).put("from", r.from().toString()),
                "designatedBy", r.designatedBy()));
        ArrayNode statuses = node.putArray("statuses");
        p.statuses().forEach(s -> statuses.addObject().put("since", s.since().toString()).put("status", s.status().name()));
        ArrayNode steps = node.putArray("steps");
        p.steps().forEach(s -> writeStep(steps.addObject(), s));
        EsfEntryData e = p.entryData();
        if (e != null) {
            ObjectNode d = node.putObject("entryData").put("collectedOn", e.collectedOn().toString()).put("gender", e.gender().name())
                    .put("ageAtEntry", e.ageAtEntry()).put("labourStatus", e.labourStatus().name());
            putIfPresent(d, "unemployedSince", e.unemployedSince());
            d.put("isced", e.isced().level()).put("disability", e.disability().name()).put("thirdCountNational", e.thirdCountNational().name())
                    .put("foreignBackground", e.foreignBackground().name()).put("minority", e.minority().name()).put("homeless", e.homeless())
                    .put("ruralArea", e.ruralArea());
        }
        ArrayNode followUps = node.putArray("followUps");
        p.followUps().forEach(f -> putIfPresent(followUps.addObject().put("startedOn", f.startedOn().toString()).put("completed", f.completed()),
                "endedOn", f.endedOn()));
        if (p.exit() != null) {
            ObjectNode x = node.putObject("exit").put("exitedOn", p.exit().exitedOn().toString()).put("reason", p.exit().reason().name());
            EsfExitData l = p.exit().data();
            if (l != null) {
                x.putObject("data").put("collectedOn", l.collectedOn().toString()).put("jobSearching", l.jobSearching())
                        .put("inEducationOrTraining", l.inEducationOrTraining()).put("gainedQualification", l.gainedQualification())
                        .put("employed", l.employed());
            }
        }
        EsfSixMonthData s = p.sixMonthData();
        if (s != null) {
            node.putObject("sixMonthData").put("collectedOn", s.collectedOn().toString()).put("employed", s.employed())
                    .put("improvedSituation", s.improvedSituation());
        }
    }

    private static void writeStep(ObjectNode node, Step s) {
        node.put("id", s.id().value()).put("type", s.type().name()).put("start", s.start().toString());
        putIfPresent(node, "end", s.end());
        putIfPresent(node, "plannedEnd", s.plannedEnd());
        putIfPresent(node, "operation", s.operation());
        putIfPresent(node, "contract", s.contract());
        putIfPresent(node, "workingTime", s.workingTime() == null ? null : s.workingTime().toPlainString());
        putIfPresent(node, "barrier", s.barrier());
        putIfPresent(node, "qualificationValidatedOn", s.qualificationValidatedOn());
    }

    // ------------------------------------------------------------------ reading

    /**
     * Reads a document, refusing unknown members.
     *
     * @param json the JSON text
     * @param targetPublics the protocol's target publics; any other code is refused
     * @return the data
     * @throws InvalidDocumentException with every problem, each at its JSON path; nothing is read then
     */
    public static CohortData read(String json, List<TargetPublic> targetPublics) {
        return read(json, targetPublics, UnknownFields.REJECT).value();
    }

    /**
     * Reads a document.
     *
     * @param json the JSON text
     * @param targetPublics the protocol's target publics; any other code is refused
     * @param unknownFields reject (the default) or keep unknown members
     * @return the data and the unknown members kept
     * @throws InvalidDocumentException with every problem, each at its JSON path; nothing is read then
     */
    public static Document<CohortData> read(String json, List<TargetPublic> targetPublics, UnknownFields unknownFields) {
        return read(json, targetPublics, unknownFields, null);
    }

    /** The checks needing the cohort's settings, and the exits they demoted in one reading. */
    private record Checking(CohortSettings settings, ImportChecks checks, ImportedExits exits, List<Violation> demoted) {
        Checking(CohortSettings settings, ImportedExits exits) {
            this(settings, new ImportChecks(settings), exits, new java.util.ArrayList<>());
        }
    }

    private static Document<CohortData> read(String json, List<TargetPublic> targetPublics, UnknownFields unknownFields, Checking checking) {
        return JsonFormat.read(json, FORMAT, unknownFields, root -> {
            List<Referent> referents = root.list("referents", false, r -> new Referent(ReferentId.of(r.text("id")),
                    OrganisationId.of(r.text("employer")), r.decimal("fullTimeEquivalent")));
            List<String> paths = new java.util.ArrayList<>();
            List<Participant> participants = root.list("participants", true, p -> {
                String id = p.text("id");
                List<AccompanimentPeriod> periods = p.list("periods", true, period -> readPeriod(period, targetPublics, checking));
                Participant built = p.convert("periods", () -> new Participant(ParticipantId.of(id), periods));
                if (built != null) {
                    paths.add(p.path());
                }
                return built;
            });
            Map<ParticipantId, PersonalData> identities = new LinkedHashMap<>();
            root.list("identities", false, i -> {
                String id = i.text("participantId");
                PersonalData data = new PersonalData(i.text("lastName"), i.text("firstName"), i.date("birthDate"), i.optionalText("address"),
                        i.optionalText("email"), i.optionalText("phone"), i.optionalText("externalId"));
                if (identities.put(ParticipantId.of(id), data) != null) {
                    i.problems().add(Violation.of(CohortError.DUPLICATE, i.path() + ".participantId", id));
                }
                return data;
            });
            Map<ParticipantId, Erasure> erasures = new LinkedHashMap<>();
            root.list("erasures", false, e -> {
                Erasure erasure = new Erasure(ParticipantId.of(e.text("participantId")), e.date("erasedOn"), e.date("retainedUntil"));
                if (erasures.put(erasure.participant(), erasure) != null || identities.containsKey(erasure.participant())) {
                    e.problems().add(Violation.of(CohortError.DUPLICATE, e.path() + ".participantId", erasure.participant()));
                }
                return erasure;
            });
            Set<ParticipantId> ids = new LinkedHashSet<>();
            for (int i = 0; i < participants.size(); i++) {
                if (!ids.add(participants.get(i).id())) {
                    root.problems().add(Violation.of(CohortError.DUPLICATE, "$.participants[" + i + "].id", participants.get(i).id()));
                }
            }
            orphans(root, "identities", identities.keySet(), ids);
            orphans(root, "erasures", erasures.keySet(), ids);
            if (checking != null) {
                replay(root, checking.settings(), referents, participants, paths, identities);
            }
            return new CohortData(referents, participants, identities, erasures);
        });
    }

    /**
     * Reads a document in an import mode, refusing unknown members. With
     * {@link ImportMode#ALL_OR_NOTHING} it reads as {@link #read(String, List)}. With
     * {@link ImportMode#VALID_PARTICIPANTS}, as the CSV reader offers: a participant with a problem
     * in its periods, its identity or its erasure row is left out with its identity and erasure, and
     * every problem of the participants left out is reported at its JSON path; the others are read.
     * A problem outside the participants (the envelope, a referent, malformed JSON) still refuses
     * the whole document.
     *
     * @param json the JSON text
     * @param targetPublics the protocol's target publics; any other code is refused
     * @param mode all or nothing, or the valid participants
     * @return the data read and the problems of the participants left out
     * @throws InvalidDocumentException with every problem, when nothing can be read
     */
    public static ImportResult read(String json, List<TargetPublic> targetPublics, ImportMode mode) {
        return importDocument(json, targetPublics, mode, null, ImportedExits.STRICT);
    }

    /**
     * Reads a document in an import mode with the cohort's settings, refusing unknown members, so
     * that the rules that need the settings are checked here, each problem at its path in the
     * document, rather than later by {@link fr.asso.europlie.plie.cohort.Cohort#load} at a
     * {@code participants[i].periods[n]} path of the data: six-month data collected before
     * {@link CohortSettings#sixMonthDataFrom} the exit ({@code PLIE-COHORT-032} at
     * {@code $.participants[i].periods[n].sixMonthData.collectedOn}), and a positive exit whose
     * steps are given and do not meet the positive-exit rules ({@code PLIE-COHORT-033} at
     * {@code $.participants[i].periods[n].exit.reason}, naming the rule), refused or, with
     * {@link ImportedExits#LENIENT}, imported as {@link ExitReason#UNCONFIRMED_POSITIVE} and listed
     * in {@link ImportResult#unconfirmedExits()}. The modes are those of
     * {@link #read(String, List, ImportMode)}: in the valid-participants mode a participant refused
     * by these rules is left out and reported like any other.
     *
     * @param json the JSON text
     * @param settings the cohort's settings: target publics, six-month delay, positive-exit rules, not null
     * @param mode all or nothing, or the valid participants
     * @param exits refuse (the default) or demote a positive exit whose steps do not meet the rules
     * @return the data read, the problems of the participants left out, the exits demoted
     * @throws InvalidDocumentException with every problem, when nothing can be read
     */
    public static ImportResult read(String json, CohortSettings settings, ImportMode mode, ImportedExits exits) {
        java.util.Objects.requireNonNull(settings, "settings");
        java.util.Objects.requireNonNull(exits, "exits");
        return importDocument(json, settings.eligibility().targetPublics(), mode, settings, exits);
    }

    private static ImportResult importDocument(String json, List<TargetPublic> targetPublics, ImportMode mode, CohortSettings checks,
            ImportedExits exits) {
        java.util.Objects.requireNonNull(mode, "mode");
        try {
            Checking checking = checks == null ? null : new Checking(checks, exits);
            CohortData data = read(json, targetPublics, UnknownFields.REJECT, checking).value();
            return new ImportResult(data, List.of(), checking == null ? List.of() : checking.demoted());
        } catch (InvalidDocumentException e) {
            if (mode != ImportMode.VALID_PARTICIPANTS) {
                throw e;
            }
            JsonNode tree = READER.readTree(json);
            Set<Integer> rejected = new java.util.TreeSet<>();
            for (Violation v : e.violations()) {
                Integer index = participantIndex(tree, v.field());
                if (index == null) {
                    throw e; // a problem outside the participants: the document as a whole is refused
                }
                rejected.add(index);
            }
            ObjectNode kept = ((ObjectNode) tree).deepCopy();
            Set<String> ids = new LinkedHashSet<>();
            ArrayNode participants = (ArrayNode) kept.get("participants");
            List<Integer> keptIndices = new java.util.ArrayList<>();
            for (int i = 0; i < participants.size(); i++) {
                if (!rejected.contains(i)) {
                    keptIndices.add(i);
                }
            }
            for (int i = participants.size() - 1; i >= 0; i--) {
                if (rejected.contains(i)) {
                    ids.add(participants.get(i).path("id").asString(""));
                    participants.remove(i);
                }
            }
            for (String member : List.of("identities", "erasures")) {
                if (kept.get(member) instanceof ArrayNode rows) {
                    for (int i = rows.size() - 1; i >= 0; i--) {
                        if (ids.contains(rows.get(i).path("participantId").asString(""))) {
                            rows.remove(i);
                        }
                    }
                }
            }
            Checking checking = checks == null ? null : new Checking(checks, exits);
            CohortData data = read(READER.writeValueAsString(kept), targetPublics, UnknownFields.REJECT, checking).value();
            List<Violation> demoted = checking == null ? List.of() : checking.demoted().stream().map(v -> original(v, keptIndices)).toList();
            return new ImportResult(data, e.violations(), demoted);
        }
    }

    private static final java.util.regex.Pattern PARTICIPANT = java.util.regex.Pattern.compile("^\\$\\.participants\\[(\\d+)\\](.*)$");

    /** A violation found in the document without the participants left out, at its path in the original document. */
    private static Violation original(Violation v, List<Integer> keptIndices) {
        java.util.regex.Matcher m = PARTICIPANT.matcher(v.field());
        if (!m.matches()) {
            return v;
        }
        int index = keptIndices.get(Integer.parseInt(m.group(1)));
        return new Violation(v.code(), "$.participants[" + index + "]" + m.group(2), v.value(), v.details());
    }

    private static final tools.jackson.databind.json.JsonMapper READER = tools.jackson.databind.json.JsonMapper.builder().build();
    private static final java.util.regex.Pattern ROW = java.util.regex.Pattern.compile("^\\$\\.(participants|identities|erasures)\\[(\\d+)\\].*");

    /**
     * The index of the participant a problem belongs to: the participant's own index, or the one
     * whose id an identity or erasure row names; null for a problem outside the participants.
     */
    private static Integer participantIndex(JsonNode tree, String path) {
        java.util.regex.Matcher m = ROW.matcher(path);
        if (!m.matches()) {
            return null;
        }
        int row = Integer.parseInt(m.group(2));
        if (m.group(1).equals("participants")) {
            return row;
        }
        String id = tree.path(m.group(1)).path(row).path("participantId").asString(null);
        JsonNode participants = tree.path("participants");
        for (int i = 0; id != null && i < participants.size(); i++) {
            if (id.equals(participants.get(i).path("id").asString(null))) {
                return i;
            }
        }
        return null;
    }

    /**
     * Replays every participant read through the commands ({@link ImportReplay}), in document order,
     * against an empty cohort knowing the document's referents: each refusal at the participant's
     * path ({@code $.participants[i].periods[n].adhesion.referent}), or at its identity's row for the
     * same person ({@code PLIE-COHORT-041}); a problem {@link ImportChecks} found too (six-month
     * data collected too early) is reported once. A participant with another problem is replayed too but
     * not counted for the next ones, as it is left out.
     */
    private static void replay(Node root, CohortSettings settings, List<Referent> referents, List<Participant> participants,
            List<String> paths, Map<ParticipantId, PersonalData> identities) {
        ImportReplay replay = ImportReplay.intoEmptyCohort(settings, referents.stream().filter(java.util.Objects::nonNull).toList());
        List<ParticipantId> identityOrder = new java.util.ArrayList<>(identities.keySet());
        for (int i = 0; i < participants.size(); i++) {
            Participant participant = participants.get(i);
            if (participant == null || i >= paths.size()) {
                continue;
            }
            String path = paths.get(i);
            PersonalData identity = identities.get(participant.id());
            List<Violation> found = replay.check(participant, identity);
            List<Violation> earlier = found.isEmpty() ? List.of() : List.copyOf(root.problems().violations());
            for (Violation v : found) {
                int row = identityOrder.indexOf(participant.id());
                Violation placed = v.field().equals("identity") && row >= 0
                        ? new Violation(v.code(), "$.identities[" + row + "].participantId", v.value(), v.details()) : v.under(path);
                if (!earlier.contains(placed)) { // found by ImportChecks too: reported once
                    root.problems().add(placed);
                }
            }
            String prefix = path;
            boolean clean = root.problems().violations().stream().noneMatch(v -> v.field().startsWith(prefix + ".")
                    || v.field().startsWith(prefix + "[") || v.field().equals(prefix));
            if (found.isEmpty() && clean) {
                replay.accept(participant, identity);
            }
        }
    }

    private static void orphans(Node root, String member, Set<ParticipantId> referenced, Set<ParticipantId> ids) {
        int i = 0;
        for (ParticipantId id : referenced) {
            if (!ids.contains(id)) {
                root.problems().add(Violation.of(CohortError.ORPHAN_ROW, "$." + member + "[" + i + "].participantId", id));
            }
            i++;
        }
    }

    private static AccompanimentPeriod readPeriod(Node node, List<TargetPublic> known, Checking checking) {
        Integer number = node.integer("number");
        Referral referral = node.object("referral", r -> new Referral(OrganisationId.of(r.text("referrer")), r.date("referredOn"),
                r.optionalText("otherPtiScheme")));
        List<String> codes = node.texts("targetPublics", true);
        Set<TargetPublic> publics = new LinkedHashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String code = codes.get(i);
            int index = i;
            known.stream().filter(t -> t.code().equals(code)).findFirst().ifPresentOrElse(publics::add,
                    () -> node.problems().add(Violation.of(CohortError.UNKNOWN_TARGET_PUBLIC, node.path() + ".targetPublics[" + index + "]", code,
                            known.stream().map(TargetPublic::code).toList())));
        }
        boolean flagged = node.has("doubleAccompanimentFlagged") && Boolean.TRUE.equals(node.bool("doubleAccompanimentFlagged"));
        EntryDecision decision = node.optionalObject("entryDecision", d -> new EntryDecision(d.date("decidedOn"),
                Boolean.TRUE.equals(d.bool("validated")), d.optionalText("reason")));
        Adhesion adhesion = node.optionalObject("adhesion", a -> new Adhesion(a.date("participantSignedOn"), ReferentId.of(a.text("referent")),
                a.date("referentSignedOn"), OrganisationId.of(a.text("plan")), a.date("planSignedOn")));
        List<ReferentAssignment> referents = node.list("referents", false, r -> new ReferentAssignment(ReferentId.of(r.text("referent")),
                r.date("from"), optionalOrganisation(r, "designatedBy")));
        List<StatusChange> statuses = node.list("statuses", true, s -> new StatusChange(s.date("since"),
                s.enumValue("status", ParticipantStatus.class)));
        List<Step> steps = node.list("steps", false, CohortJson::readStep);
        EsfEntryData entryData = node.optionalObject("entryData", CohortJson::readEntryData);
        List<InWorkFollowUp> followUps = node.list("followUps", false, f -> new InWorkFollowUp(f.date("startedOn"), f.optionalDate("endedOn"),
                Boolean.TRUE.equals(f.bool("completed"))));
        Exit exit = node.optionalObject("exit", x -> new Exit(x.date("exitedOn"), x.enumValue("reason", ExitReason.class),
                x.optionalObject("data", l -> new EsfExitData(l.date("collectedOn"), flag(l, "jobSearching"), flag(l, "inEducationOrTraining"),
                        flag(l, "gainedQualification"), flag(l, "employed")))));
        EsfSixMonthData sixMonths = node.optionalObject("sixMonthData", s -> new EsfSixMonthData(s.date("collectedOn"), flag(s, "employed"),
                flag(s, "improvedSituation")));
        if (number == null) {
            return null;
        }
        AccompanimentPeriod period = node.convert(null, () -> new AccompanimentPeriod(number, referral, publics, flagged, decision, adhesion,
                referents, statuses, steps, entryData, followUps, exit, sixMonths));
        if (period == null || checking == null) {
            return period;
        }
        ImportChecks.Outcome outcome = checking.checks().check(period, checking.exits());
        outcome.problems().forEach(v -> node.problems().add(v.under(node.path())));
        outcome.demoted().forEach(v -> checking.demoted().add(v.under(node.path())));
        return outcome.period();
    }

    private static boolean flag(Node node, String name) {
        return Boolean.TRUE.equals(node.bool(name));
    }

    private static OrganisationId optionalOrganisation(Node node, String name) {
        String text = node.optionalText(name);
        return text == null ? null : OrganisationId.of(text);
    }

    private static <E extends Enum<E>> E optionalEnum(Node node, String name, Class<E> type) {
        return node.has(name) ? node.enumValue(name, type) : null;
    }

    private static Step readStep(Node s) {
        String operation = s.optionalText("operation");
        return new Step(StepId.of(s.text("id")), s.enumValue("type", StepType.class), s.date("start"), s.optionalDate("end"),
                s.optionalDate("plannedEnd"), operation == null ? null : OperationId.of(operation), optionalEnum(s, "contract", ContractType.class),
                s.has("workingTime") ? s.decimal("workingTime") : null, optionalEnum(s, "barrier", BarrierKind.class),
                s.optionalDate("qualificationValidatedOn"));
    }

    private static EsfEntryData readEntryData(Node e) {
        Integer isced = e.integer("isced");
        IscedLevel level = isced == null ? null : e.convert("isced", () -> IscedLevel.of(isced));
        Integer age = e.integer("ageAtEntry");
        return new EsfEntryData(e.date("collectedOn"), e.enumValue("gender", Gender.class), age == null ? -1 : age,
                e.enumValue("labourStatus", LabourMarketStatus.class), e.optionalDate("unemployedSince"), level,
                e.enumValue("disability", Declaration.class), e.enumValue("thirdCountNational", Declaration.class),
                e.enumValue("foreignBackground", Declaration.class), e.enumValue("minority", Declaration.class), flag(e, "homeless"),
                flag(e, "ruralArea"));
    }
}
