package dev.idsync;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The arrows of STYLE.md: the core is pure, adapters stay apart, Spring Batch lives in {@code batch} only.
 */
class ArchitectureTests {

	private static final JavaClasses MAIN = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("dev.idsync");

	@Test
	void domainUsesNothingButTheJdk() {
		classes().that().resideInAPackage("dev.idsync.domain..")
			.should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.jspecify..", "dev.idsync.domain..")
			.check(MAIN);
	}

	@Test
	void reconciliationAndPlanningArePure() {
		classes().that().resideInAnyPackage("dev.idsync.reconcile..", "dev.idsync.remediate..", "dev.idsync.rotate..")
			.should().onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "org.jspecify..", "dev.idsync.domain..", "dev.idsync.reconcile..",
					"dev.idsync.remediate..", "dev.idsync.rotate..")
			.check(MAIN);
	}

	@Test
	void reportsDependOnTheDomainOnly() {
		classes().that().resideInAPackage("dev.idsync.report..")
			.should().onlyDependOnClassesThat()
			.resideInAnyPackage("java..", "org.jspecify..", "tools.jackson..", "dev.idsync.domain..",
					"dev.idsync.report..")
			.check(MAIN);
	}

	@Test
	void springBatchLivesInBatchOnly() {
		noClasses().that().resideOutsideOfPackage("dev.idsync.batch..")
			.should().dependOnClassesThat().resideInAPackage("org.springframework.batch..")
			.check(MAIN);
	}

	@Test
	void adaptersDoNotKnowEachOtherNorTheJob() {
		for (String adapter : new String[] { "okta", "google", "phorge", "file" }) {
			noClasses().that().resideInAPackage("dev.idsync.source." + adapter + "..")
				.should().dependOnClassesThat()
				.resideInAnyPackage("dev.idsync.batch..", "dev.idsync.cli..", "dev.idsync.store..",
						"dev.idsync.sim..", otherAdapters(adapter))
				.check(MAIN);
		}
	}

	@Test
	void simulatorStandsAlone() {
		classes().that().resideInAPackage("dev.idsync.sim..")
			.should().onlyDependOnClassesThat()
			.resideOutsideOfPackages("dev.idsync.domain..", "dev.idsync.batch..", "dev.idsync.source..",
					"dev.idsync.store..", "dev.idsync.cli..", "dev.idsync.config..")
			.check(MAIN);
	}

	@Test
	void nothingDependsOnTheCommandLine() {
		noClasses().that().resideOutsideOfPackage("dev.idsync.cli..")
			.should().dependOnClassesThat().resideInAPackage("dev.idsync.cli..")
			.check(MAIN);
	}

	private static String otherAdapters(String adapter) {
		return switch (adapter) {
			case "okta" -> "dev.idsync.source.[google|phorge|file]..";
			case "google" -> "dev.idsync.source.[okta|phorge|file]..";
			case "phorge" -> "dev.idsync.source.[okta|google|file]..";
			default -> "dev.idsync.source.[okta|google|phorge]..";
		};
	}

}
