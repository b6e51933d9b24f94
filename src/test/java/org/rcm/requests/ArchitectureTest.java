package org.rcm.requests;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.rcm.requests.mail.outbound.OutboundMailService;
import org.springframework.mail.MailSender;
import org.springframework.stereotype.Repository;
import org.springframework.stereotype.Service;

/** The layers of STYLE.md: services know nothing of the engine; feature packages do not go round in circles. */
@AnalyzeClasses(packages = "org.rcm.requests", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule servicesDoNotUseTheEngine = noClasses()
            .that().areAnnotatedWith(Service.class).or().areAnnotatedWith(Repository.class)
            .should().dependOnClassesThat().resideInAPackage("org.camunda..")
            .because("delegates and listeners are the only seam between the engine and the services");

    @ArchTest
    static final ArchRule nothingAnswersMail = noClasses()
            .that().resideInAnyPackage("..mail.inbound..", "..reply..")
            .should().dependOnClassesThat().areAssignableTo(OutboundMailService.class)
            .orShould().dependOnClassesThat().areAssignableTo(MailSender.class)
            .because("the product never answers a message or a post to the reply page (RFC 3834: no mail loops); "
                    + "it sends only what the models' service tasks send");

    @ArchTest
    static final ArchRule featurePackagesHaveNoCycles = slices().matching("org.rcm.requests.(*)..")
            .should().beFreeOfCycles();
}
