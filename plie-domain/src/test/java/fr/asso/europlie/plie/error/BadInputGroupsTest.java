package fr.asso.europlie.plie.error;

import static fr.asso.europlie.plie.error.ViolationAssertions.assertMessages;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import fr.asso.europlie.plie.cohort.Cohort;
import fr.asso.europlie.plie.cohort.CohortData;
import fr.asso.europlie.plie.cohort.CohortError;
import fr.asso.europlie.plie.cohort.CohortFixture;
import fr.asso.europlie.plie.cohort.EligibilityCriterion;
import fr.asso.europlie.plie.cohort.EligibilityRules;
import fr.asso.europlie.plie.cohort.IscedLevel;
import fr.asso.europlie.plie.cohort.Referent;
import fr.asso.europlie.plie.cohort.ReferentId;
import fr.asso.europlie.plie.cohort.ContractType;
import fr.asso.europlie.plie.cohort.Step;
import fr.asso.europlie.plie.cohort.StepId;
import fr.asso.europlie.plie.cohort.ImportMode;
import fr.asso.europlie.plie.cohort.csv.CohortCsv;
import fr.asso.europlie.plie.cohort.csv.CsvFiles;
import fr.asso.europlie.plie.cohort.csv.CsvLimits;
import fr.asso.europlie.plie.funds.EnvelopeKey;
import fr.asso.europlie.plie.funds.FundsError;
import fr.asso.europlie.plie.funds.FundsFixture;
import fr.asso.europlie.plie.funds.GlobalGrant;
import fr.asso.europlie.plie.funds.LedgerCommand;
import fr.asso.europlie.plie.json.InvalidDocumentException;
import fr.asso.europlie.plie.json.JsonError;
import fr.asso.europlie.plie.json.JsonFormat;
import fr.asso.europlie.plie.json.ProtocolJson;
import fr.asso.europlie.plie.json.ReadLimits;
import fr.asso.europlie.plie.json.UnknownFields;
import fr.asso.europlie.plie.json.funds.GlobalGrantJson;
import fr.asso.europlie.plie.json.offer.OfferDirectoryJson;
import fr.asso.europlie.plie.money.Decimals;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.money.MoneyError;
import fr.asso.europlie.plie.offer.OfferError;
import fr.asso.europlie.plie.offer.OfferFixture;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.offer.SimplifiedCostOption;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.Protocol;
import fr.asso.europlie.plie.protocol.ProtocolError;
import fr.asso.europlie.plie.protocol.ProtocolFixture;
import fr.asso.europlie.plie.protocol.TargetPublic;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One test per group of bad input that once escaped the library's promise (issue 14), each with its smallest input. */
@DisplayName("bad input never escapes: the smallest input of each group once found by fuzzing")
class BadInputGroupsTest {

    private static final String DRAFT = ProtocolJson.write(ProtocolFixture.aDraft());
    private static final String IN_FORCE = ProtocolJson.write(ProtocolFixture.inForce());

    private static <E extends PlieException> E refused(Class<E> type, ThrowingCallable call, ErrorCode code, String field) {
        E error = catchThrowableOfType(type, call);
        assertThat(error).as("expected %s refusing with %s", type.getSimpleName(), code.code()).isNotNull();
        assertThat(error.violations()).anySatisfy(v -> {
            assertThat(v.code()).isEqualTo(code);
            assertThat(v.field()).isEqualTo(field);
            assertThat(v.value().length()).isLessThanOrEqualTo(Violation.SHOWN_LENGTH + 20);
            assertMessages(v);
        });
        return error;
    }

    @Nested
    @DisplayName("numbers with absurd exponents or digit counts")
    class AbsurdNumbers {

        @Test
        @DisplayName("1e999999999 as an amount is refused at once, not expanded")
        void hugeExponentAmount() {
            refused(InvalidValueException.class, () -> Money.of(new BigDecimal("1e999999999")), MoneyError.OUT_OF_BOUNDS, "amount");
        }

        @Test
        @DisplayName("an amount of a million digits is refused before it is parsed")
        void millionDigitAmount() {
            refused(InvalidValueException.class, () -> Money.parse("amount", "1".repeat(1_000_000)), MoneyError.OUT_OF_BOUNDS, "amount");
        }

        @Test
        @DisplayName("1e999999999 as a working time, a full-time equivalent or a flat rate is refused by its factory")
        void hugeExponentRatios() {
            BigDecimal huge = new BigDecimal("1e999999999");
            refused(InvalidValueException.class, () -> Step.employment(StepId.of("S1"), ContractType.CDI, huge, LocalDate.of(2026, 1, 1),
                    null, null), MoneyError.OUT_OF_BOUNDS, "step.workingTime");
            refused(InvalidValueException.class, () -> new Referent(ReferentId.of("R"), OrganisationId.of("E"), huge),
                    MoneyError.OUT_OF_BOUNDS, "referent.fullTimeEquivalent");
            refused(InvalidValueException.class, () -> SimplifiedCostOption.indirectFlatRate(huge), MoneyError.OUT_OF_BOUNDS,
                    "costOption.ratePercent");
        }

        @Test
        @DisplayName("1e999999999 as a protocol's rate is reported at its JSON path")
        void hugeExponentRateInJson() {
            String json = DRAFT.replace("\"positiveExitRatePercent\" : \"50\"", "\"positiveExitRatePercent\" : 1e999999999");
            refused(InvalidDocumentException.class, () -> ProtocolJson.read(json), MoneyError.OUT_OF_BOUNDS,
                    "$.negotiation.content.objectives.positiveExitRatePercent");
        }

        @Test
        @DisplayName("a cell of a million digits in referents.csv is refused with its row")
        void millionDigitCell() {
            CsvFiles valid = CohortCsv.write(CohortFixture.GENERATOR.generate(11, 2).data(), ';');
            String referents = "referentId;employer;fullTimeEquivalent\nR1;E1;" + "9".repeat(9_000) + "\n";
            refused(InvalidValueException.class, () -> CohortCsv.read(new CsvFiles(valid.periods(), valid.steps(), valid.identities(),
                    referents), CohortFixture.PUBLICS), MoneyError.OUT_OF_BOUNDS, "referents.csv[2].fullTimeEquivalent");
        }
    }

    @Nested
    @DisplayName("non-finite numbers and amounts out of range")
    class NonFinite {

        @Test
        @DisplayName("1e400, too large for a double, is refused as out of bounds")
        void beyondDouble() {
            String json = DRAFT.replaceFirst("\"amount\" : \"150000.00\"", "\"amount\" : 1e400");
            refused(InvalidDocumentException.class, () -> ProtocolJson.read(json), MoneyError.OUT_OF_BOUNDS,
                    "$.negotiation.content.budget.contributions[0].amount");
        }

        @Test
        @DisplayName("\"Infinity\" as a rate is not a decimal")
        void infinityText() {
            String json = DRAFT.replace("\"positiveExitRatePercent\" : \"50\"", "\"positiveExitRatePercent\" : \"Infinity\"");
            refused(InvalidDocumentException.class, () -> ProtocolJson.read(json), JsonError.BAD_VALUE,
                    "$.negotiation.content.objectives.positiveExitRatePercent");
        }

        @Test
        @DisplayName("an amount with fractions of a cent given as a JSON number is refused as such")
        void fractionsOfACent() {
            String json = DRAFT.replaceFirst("\"amount\" : \"150000.00\"", "\"amount\" : 0.001");
            refused(InvalidDocumentException.class, () -> ProtocolJson.read(json), MoneyError.MORE_THAN_CENTS,
                    "$.negotiation.content.budget.contributions[0].amount");
        }
    }

    @Nested
    @DisplayName("value factories")
    class Factories {

        @Test
        @DisplayName("ISCED level 9 is refused with the library's exception")
        void isced() {
            refused(InvalidValueException.class, () -> IscedLevel.of(9), CohortError.OUT_OF_RANGE, "isced");
        }

        @Test
        @DisplayName("an envelope of a year no calendar holds is refused with the library's exception")
        void envelopeYear() {
            refused(InvalidValueException.class, () -> EnvelopeKey.of("1", "h", Integer.MAX_VALUE), FundsError.DATE_OUT_OF_RANGE,
                    "envelope.year");
        }
    }

    @Nested
    @DisplayName("readers never return null")
    class NeverNull {

        @Test
        @DisplayName("a call for proposals giving an axis twice is refused at the second, not read as null")
        void callWithAxisTwice() {
            String json = OfferDirectoryJson.writeCall(OfferFixture.aCall()).replace("LINKS_WITH_EMPLOYERS", "ACCOMPANIMENT");
            refused(InvalidDocumentException.class, () -> OfferDirectoryJson.readCall(json), OfferError.DUPLICATE, "$.call.envelopes[1].axis");
        }

        @Test
        @DisplayName("a global grant without envelopes is refused, not read as null")
        void grantWithoutEnvelopes() {
            String json = "{\"format\":\"plie/global-grant\",\"formatVersion\":\"1.0\",\"id\":\"SG\",\"intermediateBody\":\"OI\","
                    + "\"envelopes\":[],\"priorities\":[],\"journal\":[]}";
            refused(InvalidDocumentException.class, () -> GlobalGrantJson.read(json), FundsError.BLANK, "$.envelopes");
        }
    }

    @Nested
    @DisplayName("lost or masked problems")
    class Masked {

        @Test
        @DisplayName("with unknown members rejected, the domain's checks of the rest are still reported in the same pass")
        void unknownMemberDoesNotHideDomainChecks() {
            String json = DRAFT.replace("\"positiveExitRatePercent\" : \"50\"", "\"positiveExitRatePercent\" : \"150\", \"extra\" : 1");
            InvalidDocumentException error = refused(InvalidDocumentException.class, () -> ProtocolJson.read(json, UnknownFields.REJECT),
                    JsonError.UNKNOWN_FIELD, "$.negotiation.content.objectives.extra");
            assertThat(error.violations()).extracting(v -> v.code().code()).contains("PLIE-PROTOCOL-005");
        }

        @Test
        @DisplayName("a bad root id is one problem: the events after it add none")
        void badRootIdAlone() {
            String json = IN_FORCE.replaceFirst("\"id\" : \"PLIE-GRAND-PERIGUEUX-2022\"", "\"id\" : \"\"");
            InvalidDocumentException error = refused(InvalidDocumentException.class, () -> ProtocolJson.read(json), ProtocolError.BLANK,
                    "$.id");
            assertThat(error.violations()).allSatisfy(v -> assertThat(v.field()).doesNotStartWith("$.events"));
        }

        @Test
        @DisplayName("a domain type refusing with a JDK exception is reported with the JSON value, not the exception's text and '?'")
        void jdkExceptionShowsTheJsonValue() {
            InvalidDocumentException error = refused(InvalidDocumentException.class, () -> JsonFormat.read(DRAFT, ProtocolJson.FORMAT,
                    UnknownFields.KEEP, node -> node.convert("id", () -> {
                        throw new IllegalArgumentException("boom");
                    })), JsonError.BAD_VALUE, "$.id");
            assertThat(error.violation().value()).isEqualTo("\"PLIE-GRAND-PERIGUEUX-2022\"");
            assertThat(error.violation().details()).doesNotContain("?");
        }

        @Test
        @DisplayName("a member given twice is refused with its path, not silently overwritten")
        void duplicateMember() {
            String json = DRAFT.replace("\"positiveExitRatePercent\" : \"50\"",
                    "\"positiveExitRatePercent\" : \"50\", \"positiveExitRatePercent\" : \"60\"");
            refused(InvalidDocumentException.class, () -> ProtocolJson.read(json), JsonError.DUPLICATE_MEMBER,
                    "$.negotiation.content.objectives.positiveExitRatePercent");
        }
    }

    @Nested
    @DisplayName("limits on what a reader accepts")
    class Limits {

        @Test
        @DisplayName("a JSON document nested deeper than the limit is refused naming the setting")
        void nesting() {
            String json = DRAFT.replace("\"positiveExitRatePercent\" : \"50\"",
                    "\"positiveExitRatePercent\" : " + "[".repeat(100) + "]".repeat(100));
            InvalidDocumentException error = refused(InvalidDocumentException.class, () -> ProtocolJson.read(json), JsonError.LIMIT_EXCEEDED,
                    "$.negotiation.content.objectives.positiveExitRatePercent" + "[0]".repeat(61));
            assertThat(error.violation().details()).contains("plie.json.maxNestingDepth");
        }

        @Test
        @DisplayName("a system property changes a limit for every reader; a bad one is refused naming the property")
        void limitFromSystemProperty() {
            String property = ReadLimits.PROPERTY_PREFIX + "maxNestingDepth";
            try {
                System.setProperty(property, "3");
                assertThat(ReadLimits.defaults().maxNestingDepth()).isEqualTo(3);
                InvalidDocumentException error = catchThrowableOfType(InvalidDocumentException.class, () -> ProtocolJson.read(DRAFT));
                assertThat(error.violations()).anySatisfy(v -> assertThat(v.details()).contains(property));
                System.setProperty(property, "zero");
                refused(InvalidValueException.class, ReadLimits::defaults, JsonError.BAD_VALUE, property);
            } finally {
                System.clearProperty(property);
            }
            assertThat(ReadLimits.defaults()).isEqualTo(ReadLimits.builtIn());
        }

        @Test
        @DisplayName("an array longer than the limit is refused at its path")
        void arrayLength() {
            ReadLimits small = new ReadLimits(1_000_000, 64, 1_000, 100, 64, 2);
            InvalidDocumentException error = catchThrowableOfType(InvalidDocumentException.class,
                    () -> JsonFormat.read(IN_FORCE, ProtocolJson.FORMAT, UnknownFields.KEEP, small,
                            node -> node.list("events", true, n -> n)));
            assertThat(error.violations()).anySatisfy(v -> {
                assertThat(v.code()).isEqualTo(JsonError.LIMIT_EXCEEDED);
                assertThat(v.field()).isEqualTo("$.events");
                assertThat(v.details()).contains("plie.json.maxArrayLength");
            });
        }

        @Test
        @DisplayName("a CSV file with more rows than the limit is refused as a whole, naming the setting")
        void csvRows() {
            CsvFiles files = CohortCsv.write(CohortFixture.GENERATOR.generate(11, 6).data(), ';');
            InvalidValueException error = catchThrowableOfType(InvalidValueException.class,
                    () -> CohortCsv.read(files, CohortFixture.PUBLICS, ImportMode.VALID_PARTICIPANTS, new CsvLimits(1_000_000, 3, 200, 1_000)));
            assertThat(error.violations()).anySatisfy(v -> {
                assertThat(v.code()).isEqualTo(CohortError.LIMIT_EXCEEDED);
                assertThat(v.field()).startsWith("periods.csv[");
                assertThat(v.details()).contains("plie.csv.maxRows");
                assertMessages(v);
            });
        }
    }

    @Nested
    @DisplayName("CSV that lies")
    class LyingCsv {

        private final CsvFiles valid = CohortCsv.write(CohortFixture.GENERATOR.generate(11, 3).data(), ';');

        @Test
        @DisplayName("a header naming a required column twice is refused")
        void columnTwice() {
            String referents = "referentId;employer;employer;fullTimeEquivalent\nR1;E1;E2;1\n";
            refused(InvalidValueException.class, () -> CohortCsv.read(new CsvFiles(valid.periods(), valid.steps(), valid.identities(),
                    referents), CohortFixture.PUBLICS), CohortError.DUPLICATE_COLUMN, "referents.csv[1]");
        }

        @Test
        @DisplayName("31/04 is refused, not moved to 30/04")
        void impossibleFrenchDate() {
            String periods = valid.periods();
            String firstRow = periods.split("\n")[1];
            String referredOn = firstRow.split(";")[3];
            String changed = periods.replaceFirst(java.util.regex.Pattern.quote(firstRow),
                    java.util.regex.Matcher.quoteReplacement(firstRow.replaceFirst(referredOn, "31/04/" + referredOn.substring(0, 4))));
            refused(InvalidValueException.class, () -> CohortCsv.read(new CsvFiles(changed, valid.steps(), valid.identities(),
                    valid.referents()), CohortFixture.PUBLICS), CohortError.MALFORMED, "periods.csv[2].referredOn");
        }
    }

    @Nested
    @DisplayName("round trips")
    class RoundTrips {

        @Test
        @DisplayName("ids with surrounding spaces, ':' and '|' are written so that the CSV reader reads them back")
        void oddIdsInCsv() {
            Cohort cohort = CohortFixture.aCohort();
            ReferentId odd = ReferentId.of(" REF:A|1\\ ");
            cohort.addReferent(new Referent(odd, OrganisationId.of(" EMP:1 "), BigDecimal.ONE));
            CohortFixture.anEnteredJobseeker(cohort, "Morin", LocalDate.of(2026, 1, 5), odd);
            CohortData data = cohort.toData();
            assertThat(CohortCsv.read(CohortCsv.write(data, ';'), CohortFixture.PUBLICS)).isEqualTo(data);
        }

        @Test
        @DisplayName("eligibility rules with an empty income set read back what toText writes")
        void emptyIncomeSet() {
            TargetPublic rsa = TargetPublic.RSA_RECIPIENTS;
            EligibilityRules rules = new EligibilityRules(Map.of(rsa, List.of(new EligibilityCriterion.ReceivesMinimumIncome(Set.of()))));
            assertThat(EligibilityRules.parse(rules.toText(), List.of(rsa))).isEqualTo(rules);
        }

        @Test
        @DisplayName("a rate written with an exponent (1.0E+2) reads back equal after writing")
        void exponentRate() {
            String json = DRAFT.replace("\"positiveExitRatePercent\" : \"50\"", "\"positiveExitRatePercent\" : 1.0E+2");
            Protocol read = ProtocolJson.read(json);
            assertThat(ProtocolJson.read(ProtocolJson.write(read))).isEqualTo(read);
        }

        @Test
        @DisplayName("a zero rate with a tiny exponent reads as zero and writes short")
        void tinyExponentRate() {
            String json = DRAFT.replace("\"positiveExitRatePercent\" : \"50\"", "\"positiveExitRatePercent\" : 0E-999999999");
            Protocol read = ProtocolJson.read(json);
            String written = ProtocolJson.write(read);
            assertThat(written.length()).isLessThan(DRAFT.length() + 10);
            assertThat(ProtocolJson.read(written)).isEqualTo(read);
        }
    }

    @Nested
    @DisplayName("linear work")
    class Linear {

        @Test
        @DisplayName("replaying a long journal gives the grant that applying it command by command gives")
        void longJournal() {
            GlobalGrant applied = FundsFixture.aGrant();
            List<LedgerCommand> journal = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                LedgerCommand command = FundsFixture.reserve(OperationId.of("OP-" + i), 1);
                journal.add(command);
                applied = applied.apply(command).grant();
            }
            GlobalGrant replayed = GlobalGrant.replay(applied.id(), applied.intermediateBody(), applied.envelopes(),
                    applied.priorities(), journal);
            assertThat(replayed).isEqualTo(applied);
            assertThat(replayed.movements()).isEqualTo(applied.movements());
            assertThat(replayed.accounts()).isEqualTo(applied.accounts());
            assertThat(replayed.revision()).isEqualTo(2_000);
        }

        @Test
        @DisplayName("a number's text longer than the limit is refused before parsing, whatever its length")
        void longNumberText() {
            refused(InvalidValueException.class, () -> Decimals.parse(MoneyError.NOT_A_NUMBER, "rate", "5".repeat(5_000_000)),
                    MoneyError.OUT_OF_BOUNDS, "rate");
        }
    }
}
