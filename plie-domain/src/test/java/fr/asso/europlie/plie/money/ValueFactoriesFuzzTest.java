package fr.asso.europlie.plie.money;

import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.cohort.CohortFixture;
import fr.asso.europlie.plie.cohort.EligibilityRules;
import fr.asso.europlie.plie.cohort.IscedLevel;
import fr.asso.europlie.plie.cohort.ParticipantId;
import fr.asso.europlie.plie.cohort.ReferentId;
import fr.asso.europlie.plie.cohort.StepId;
import fr.asso.europlie.plie.error.Fuzz;
import fr.asso.europlie.plie.error.InvalidValueException;
import fr.asso.europlie.plie.funds.EnvelopeKey;
import fr.asso.europlie.plie.funds.GlobalGrantId;
import fr.asso.europlie.plie.funds.GrantAgreementId;
import fr.asso.europlie.plie.funds.IdempotencyKey;
import fr.asso.europlie.plie.offer.CallId;
import fr.asso.europlie.plie.offer.OperationId;
import fr.asso.europlie.plie.organisation.OrganisationId;
import fr.asso.europlie.plie.protocol.ProtocolId;
import fr.asso.europlie.plie.protocol.StrategicAxisId;
import fr.asso.europlie.plie.territory.MunicipalityCode;
import fr.asso.europlie.plie.territory.Siren;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("fuzz: the value types' factories answer any input with a value or InvalidValueException")
class ValueFactoriesFuzzTest {

    private static final List<String> TOKENS = List.of("1e999999999", "-1e999999999", "0E-999999999", "1e-999999999", "Infinity", "NaN",
            "12,5", "1 234,56", "-0.00", "0.001", "999999999999999.99", "1000000000000000", " ", "", "a:b|c", " padded ", "\u0000",
            "24002", "200040392", "2026", "-1", "9".repeat(70), "9".repeat(200_000), "1.", ".5", "+3", "1e+2", "0x10", "DELD: income in",
            "BRSA: income in RSA, ; age >= 999", "X: isced <= 9", "DELD: unemployment >= 12\nDELD: qpv");

    private static final String CHARS = "0123456789.,-+eE :|;#\n\u00a0\u202fabcDELDBRSA<>=";

    /** A factory from text, and how a value it made is turned back into that text. */
    private record Factory<T>(String name, Function<String, T> of, Function<T, String> text) {
    }

    private static final List<Factory<?>> TEXT_FACTORIES = List.of(
            new Factory<Money>("Money.parse", t -> Money.parse("amount", t), Money::toString),
            new Factory<BigDecimal>("Decimals.parse", t -> Decimals.parse(MoneyError.NOT_A_NUMBER, "rate", t), BigDecimal::toString),
            new Factory<ProtocolId>("ProtocolId.of", ProtocolId::of, ProtocolId::value),
            new Factory<OperationId>("OperationId.of", OperationId::of, OperationId::value),
            new Factory<OrganisationId>("OrganisationId.of", OrganisationId::of, OrganisationId::value),
            new Factory<ReferentId>("ReferentId.of", ReferentId::of, ReferentId::value),
            new Factory<ParticipantId>("ParticipantId.of", ParticipantId::of, ParticipantId::value),
            new Factory<StepId>("StepId.of", StepId::of, StepId::value),
            new Factory<GlobalGrantId>("GlobalGrantId.of", GlobalGrantId::of, GlobalGrantId::value),
            new Factory<GrantAgreementId>("GrantAgreementId.of", GrantAgreementId::of, GrantAgreementId::value),
            new Factory<IdempotencyKey>("IdempotencyKey.of", IdempotencyKey::of, IdempotencyKey::value),
            new Factory<CallId>("CallId.of", CallId::of, CallId::value),
            new Factory<StrategicAxisId>("StrategicAxisId.of", StrategicAxisId::of, StrategicAxisId::value),
            new Factory<MunicipalityCode>("MunicipalityCode.of", MunicipalityCode::of, MunicipalityCode::value),
            new Factory<Siren>("Siren.of", Siren::of, Siren::value),
            new Factory<EligibilityRules>("EligibilityRules.parse", t -> EligibilityRules.parse(t, CohortFixture.PUBLICS),
                    EligibilityRules::toText));

    private static String text(Random random) {
        StringBuilder out = new StringBuilder();
        int pieces = 1 + random.nextInt(3);
        for (int i = 0; i < pieces; i++) {
            if (random.nextBoolean()) {
                out.append(TOKENS.get(random.nextInt(TOKENS.size())));
            } else {
                int length = random.nextInt(12);
                for (int c = 0; c < length; c++) {
                    out.append(CHARS.charAt(random.nextInt(CHARS.length())));
                }
            }
        }
        return out.toString();
    }

    @Test
    @DisplayName("texts: each factory gives a value whose text it reads back equal, or InvalidValueException with a located problem")
    void texts() {
        Random random = Fuzz.random(6);
        for (int i = 0; i < Fuzz.iterations() * 10; i++) {
            check(TEXT_FACTORIES.get(i % TEXT_FACTORIES.size()), text(random));
        }
    }

    private static <T> void check(Factory<T> factory, String input) {
        Fuzz.check(factory.name() + "(" + input + ")", () -> factory.of().apply(input), InvalidValueException.class,
                value -> assertThat(factory.of().apply(factory.text().apply(value))).as(factory.name()).isEqualTo(value));
    }

    @Test
    @DisplayName("decimals of any scale and size: Money.of, IscedLevel.of and EnvelopeKey.of answer with a value or InvalidValueException")
    void numbers() {
        Random random = Fuzz.random(7);
        for (int i = 0; i < Fuzz.iterations() * 10; i++) {
            int scale = switch (random.nextInt(4)) {
                case 0 -> random.nextInt();
                case 1 -> random.nextInt(60) - 30;
                default -> random.nextInt(5);
            };
            BigDecimal amount = new BigDecimal(new BigInteger(random.nextInt(200) + 1, random).multiply(BigInteger.valueOf(random.nextBoolean()
                    ? 1 : -1)), scale);
            Fuzz.check("Money.of(" + amount.toString() + ")", () -> Money.of(amount), InvalidValueException.class,
                    m -> assertThat(Money.parse("amount", m.toString())).isEqualTo(m));
            int number = random.nextBoolean() ? random.nextInt(12) - 2 : random.nextInt();
            Fuzz.check("IscedLevel.of(" + number + ")", () -> IscedLevel.of(number), InvalidValueException.class,
                    level -> assertThat(IscedLevel.of(level.level())).isEqualTo(level));
            String priority = random.nextInt(5) == 0 ? " " : text(random);
            Fuzz.check("EnvelopeKey.of(" + priority + ", h, " + number + ")", () -> EnvelopeKey.of(priority, "h", number),
                    InvalidValueException.class, key -> assertThat(EnvelopeKey.of(key.priority(), key.specificObjective(),
                            key.year().getValue())).isEqualTo(key));
        }
    }
}
