package fr.asso.europlie.plie.json;

import static fr.asso.europlie.plie.funds.FundsFixture.OI;
import static fr.asso.europlie.plie.funds.FundsFixture.OP;
import static fr.asso.europlie.plie.funds.FundsFixture.aBusyGrant;
import static org.assertj.core.api.Assertions.assertThat;

import fr.asso.europlie.plie.error.Fuzz;
import fr.asso.europlie.plie.funds.GlobalGrant;
import fr.asso.europlie.plie.funds.GrantAgreement;
import fr.asso.europlie.plie.funds.GrantAgreementId;
import fr.asso.europlie.plie.json.funds.GlobalGrantJson;
import fr.asso.europlie.plie.json.funds.GrantAgreementJson;
import fr.asso.europlie.plie.json.offer.OfferDirectoryJson;
import fr.asso.europlie.plie.json.offer.OperationJson;
import fr.asso.europlie.plie.json.offer.ProgrammingJson;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.CallForProposals;
import fr.asso.europlie.plie.offer.OfferFixture;
import fr.asso.europlie.plie.offer.Operation;
import fr.asso.europlie.plie.offer.OperationPeriod;
import fr.asso.europlie.plie.offer.Operators;
import fr.asso.europlie.plie.offer.Programming;
import fr.asso.europlie.plie.organisation.OrganisationId;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("fuzz: the offer and funds readers answer any mutated document with a value or a documented refusal")
class OfferAndFundsJsonFuzzTest {

    /**
     * One reader: a valid document, how to read it, how to write a value back, and how a store
     * writes it (compact), or null where no store keeps the kind on its own.
     */
    private record Family<T>(String seed, Function<String, T> read, Function<T, String> write, Function<T, String> compact) {
        boolean check(String json) {
            return Fuzz.check(json, () -> read.apply(json), InvalidDocumentException.class, value -> {
                assertThat(read.apply(write.apply(value))).isEqualTo(value);
                if (compact != null) {
                    String stored = compact.apply(value);
                    assertThat(stored).as("a stored document has no line breaks").doesNotContain("\n");
                    assertThat(read.apply(stored)).as("the compact document reads back the same value").isEqualTo(value);
                }
            });
        }
    }

    private static GrantAgreement anAmendedAgreement() {
        OperationPeriod year = OperationPeriod.of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        return GrantAgreement.sign(GrantAgreementId.of("CONV-1"), OP, OrganisationId.of("ASSO-1"), OI, Money.euros(30_000),
                        Money.euros(50_000), year, LocalDate.of(2026, 2, 1))
                .amend(Money.euros(25_000), Money.euros(45_000), year, LocalDate.of(2026, 9, 1), "Réduction", Money.ZERO);
    }

    private static List<Family<?>> families() {
        Operation op1 = OfferFixture.anOperation("OP-1");
        Programming programming = OfferFixture.aReviewedProgrammingWith(List.of(op1, OfferFixture.anOperation("OP-2")))
                .decide(OfferFixture.anApproval(op1.id(), Money.euros(50_000)));
        return List.of(
                new Family<Operation>(OperationJson.write(op1), OperationJson::read, OperationJson::write, null),
                new Family<Programming>(ProgrammingJson.write(programming), ProgrammingJson::read, ProgrammingJson::write,
                        ProgrammingJson::writeCompact),
                new Family<Operators>(OfferDirectoryJson.writeOperators(OfferFixture.OPERATORS), OfferDirectoryJson::readOperators,
                        OfferDirectoryJson::writeOperators, OfferDirectoryJson::writeOperatorsCompact),
                new Family<CallForProposals>(OfferDirectoryJson.writeCall(OfferFixture.aCall()), OfferDirectoryJson::readCall,
                        OfferDirectoryJson::writeCall, null),
                new Family<GlobalGrant>(GlobalGrantJson.write(aBusyGrant()), GlobalGrantJson::read, GlobalGrantJson::write,
                        GlobalGrantJson::writeCompact),
                new Family<GrantAgreement>(GrantAgreementJson.write(anAmendedAgreement()), GrantAgreementJson::read,
                        GrantAgreementJson::write, GrantAgreementJson::writeCompact));
    }

    @Test
    @DisplayName("mutated operations, programmings, directories, grants and agreements: a value that round-trips (also through the compact form the stores write), or InvalidDocumentException")
    void mutatedDocuments() {
        Random random = Fuzz.random(2);
        List<Family<?>> families = families();
        int accepted = 0;
        for (int i = 0; i < Fuzz.iterations(); i++) {
            Family<?> family = families.get(i % families.size());
            if (family.check(Fuzz.mutateJson(family.seed(), random))) {
                accepted++;
            }
        }
        assertThat(accepted).as("some mutations keep a valid document").isPositive();
    }

    @Test
    @DisplayName("with unknown members kept, the grant reader still answers only with a value or InvalidDocumentException")
    void mutatedGrantsKeepingUnknownMembers() {
        Random random = Fuzz.random(3);
        String seed = GlobalGrantJson.write(aBusyGrant());
        for (int i = 0; i < Fuzz.iterations() / 3; i++) {
            String json = Fuzz.mutateJson(seed, random);
            Fuzz.check(json, () -> GlobalGrantJson.read(json, UnknownFields.KEEP).value(), InvalidDocumentException.class,
                    grant -> assertThat(GlobalGrantJson.read(GlobalGrantJson.write(grant))).isEqualTo(grant));
        }
    }
}
