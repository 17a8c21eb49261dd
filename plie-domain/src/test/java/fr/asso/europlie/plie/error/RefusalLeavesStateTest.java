package fr.asso.europlie.plie.error;

import static fr.asso.europlie.plie.funds.FundsFixture.MANAGER;
import static fr.asso.europlie.plie.funds.FundsFixture.OP;
import static fr.asso.europlie.plie.funds.FundsFixture.aGrantWithCommitted;
import static fr.asso.europlie.plie.funds.FundsFixture.aKey;
import static fr.asso.europlie.plie.funds.FundsFixture.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import fr.asso.europlie.plie.cohort.Cohort;
import fr.asso.europlie.plie.cohort.CohortData;
import fr.asso.europlie.plie.cohort.CohortFixture;
import fr.asso.europlie.plie.cohort.csv.CohortCsv;
import fr.asso.europlie.plie.cohort.csv.CsvFiles;
import fr.asso.europlie.plie.funds.EnvelopeBalance;
import fr.asso.europlie.plie.funds.FundsFixture;
import fr.asso.europlie.plie.funds.GlobalGrant;
import fr.asso.europlie.plie.funds.LedgerCommand;
import fr.asso.europlie.plie.funds.PaymentKind;
import fr.asso.europlie.plie.json.cohort.CohortJson;
import fr.asso.europlie.plie.money.Money;
import fr.asso.europlie.plie.offer.OperationId;
import java.math.BigDecimal;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("property: a refusal leaves the aggregate or the cohort exactly as it was")
class RefusalLeavesStateTest {

    @Test
    @DisplayName("loading data read from a mutated export into a cohort: refused, the cohort is unchanged")
    void cohortUnchangedByRefusedImport() {
        qt().withExamples(60).forAll(longs().between(0, 1_000), longs().all(), integers().between(0, 1)).checkAssert((seed, mutation, format) -> {
            CohortData base = CohortFixture.GENERATOR.generate(seed, 4).data();
            Cohort cohort = CohortFixture.aCohort();
            cohort.load(base);
            CohortData before = cohort.toData();
            Random random = new Random(mutation);
            CohortData other = CohortFixture.GENERATOR.generate(random.nextBoolean() ? seed : seed + 1, 3).data();
            boolean refused = false;
            try {
                CohortData read;
                if (format == 0) {
                    read = CohortJson.read(Fuzz.mutateJson(CohortJson.write(other), random), CohortFixture.PUBLICS);
                } else {
                    CsvFiles files = CohortCsv.write(other, ';');
                    read = CohortCsv.read(new CsvFiles(Fuzz.mutateCsv(files.periods(), random), files.steps(), files.identities(),
                            files.referents()), CohortFixture.PUBLICS);
                }
                cohort.load(read);
            } catch (PlieException e) {
                refused = true;
            }
            if (refused) {
                assertThat(cohort.toData()).isEqualTo(before);
                assertThat(cohort.size()).isEqualTo(before.participants().size());
            }
        });
    }

    @Test
    @DisplayName("a ledger command refused by a global grant: the grant, its journal, movements and balances are unchanged")
    void grantUnchangedByRefusedCommand() {
        qt().withExamples(300).forAll(integers().between(0, 4), longs().between(1, 60_000), integers().between(0, 2)).checkAssert(
                (type, euros, operation) -> {
                    GlobalGrant grant = aGrantWithCommitted(40_000);
                    List<LedgerCommand> journal = List.copyOf(grant.journal());
                    int movements = grant.movements().size();
                    EnvelopeBalance balance = grant.balance(FundsFixture.Y2026);
                    OperationId op = operation == 0 ? OP : OperationId.of("OP-" + operation);
                    Money amount = Money.of(BigDecimal.valueOf(euros));
                    LedgerCommand command = switch (type) {
                        case 0 -> FundsFixture.reserve(op, euros);
                        case 1 -> new LedgerCommand.Release(aKey(), op, amount, MANAGER, at(5), "libération");
                        case 2 -> FundsFixture.commit(op, euros);
                        case 3 -> FundsFixture.pay(op, PaymentKind.INTERIM, euros);
                        default -> new LedgerCommand.Decommit(aKey(), op, amount, MANAGER, at(5), "sous-réalisation");
                    };
                    try {
                        grant.apply(command);
                    } catch (PlieException e) {
                        assertThat(grant.journal()).isEqualTo(journal);
                        assertThat(grant.movements()).hasSize(movements);
                        assertThat(grant.balance(FundsFixture.Y2026)).isEqualTo(balance);
                        assertThat(grant.revision()).isEqualTo(journal.size());
                    }
                });
    }
}
