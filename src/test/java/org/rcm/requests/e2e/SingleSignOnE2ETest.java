package org.rcm.requests.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.rcm.requests.IntegrationTestBase;
import org.rcm.requests.security.TestIdentityProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Single sign-on in a real browser: someone opens Tasklist or a Secretariat page, chooses the organization's provider
 * on the login page, logs in there and comes back to the page they asked for, with the groups the provider's groups
 * map to, in the pages and in Tasklist alike.
 * <p>
 * An application of its own (its own database, no mailbox reading), with the test provider's client and a group
 * mapping; the provider runs before it, since the application reads the provider's discovery document at start-up.
 * The application is opened at {@code 127.0.0.1} and the provider at {@code localhost}: the provider accepts a
 * loopback redirect URI on any port, and the two hosts keep their session cookies apart.
 */
@ExtendWith(BrowserAvailable.class)
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:single-sign-on;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "app.mail.inbound.enabled=false",
        "app.security.oidc.group-mapping.[CRM-Secretaria]=secretariat",
        "app.security.oidc.group-mapping.[CRM-Troika]=troika",
        "app.security.oidc.group-mapping.[CRM-Troika-CR]=troika-CR",
        "app.security.oidc.group-mapping.[CRM-Admin]=camunda-admin"})
@DirtiesContext
class SingleSignOnE2ETest extends IntegrationTestBase {

    private static final String REGISTRATION = "crm";
    private static final String CARLOS = TestIdentityProvider.TROIKA_USER;
    private static final String ANA = TestIdentityProvider.SECRETARIAT_USER;
    /** A group an administrator gave someone in Admin; the mapping does not name it. */
    private static final String UNMANAGED = "auditors";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestIdentityProvider provider;

    @RegisterExtension
    final Browser browser = new Browser();

    @LocalServerPort
    int port;

    @Autowired
    ProcessEngine engine;

    @Autowired
    IdentityService identity;

    @Autowired
    AuthorizationService authorizations;

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        if (provider == null) {
            provider = TestIdentityProvider.start("http://127.0.0.1/login/oauth2/code/" + REGISTRATION);
        }
        provider.clientProperties(REGISTRATION).forEach((name, value) -> registry.add(name, () -> value));
    }

    @AfterAll
    static void stopProvider() {
        if (provider != null) {
            provider.close();
            provider = null;
        }
    }

    /** Every journey starts with people the engine has never seen. */
    @BeforeEach
    void openBrowser() {
        CamundaWebapps.serve(engine);
        browser.baseUrl("http://127.0.0.1:" + port);
        for (String user : List.of(CARLOS, ANA)) {
            if (identity.createUserQuery().userId(user).count() > 0) {
                identity.deleteUser(user);
            }
        }
        if (identity.createGroupQuery().groupId(UNMANAGED).count() > 0) {
            identity.deleteGroup(UNMANAGED);
        }
    }

    @Test
    void aTroikaDelegateOpeningTasklistLogsInAtTheProviderAndLandsInTasklist() throws IOException {
        browser.open(Tasklist.HOME);
        logInAtTheProvider(CARLOS);

        arriveAt(Tasklist.HOME);
        // the provider's name, from the engine's user profile (Tasklist shows the user id until that has loaded)
        browser.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("li.account .dropdown-toggle"),
                "Carlos Cr"));
        browser.visible(Tasklist.START_PROCESS);
        browser.shot("tasklist");
        assertThat(groupsOf(CARLOS)).as("carlos.cr's groups in the engine")
                .containsExactlyInAnyOrder("troika", "troika-CR");

        JsonNode webappsUser = json("/camunda/api/admin/auth/user/default");
        assertThat(webappsUser.path("userId").asText()).as("the webapps' user").isEqualTo(CARLOS);
        assertThat(texts(webappsUser.path("authorizedApps"))).as("the webapps carlos.cr may use")
                .contains("tasklist");

        assertThat(status("/registry")).as("the registry for a Troika delegate").isEqualTo(403);
        browser.shot("registry-refused");
    }

    @Test
    void aSecretariatOfficerOpeningTheRegistryLogsInAtTheProviderAndLandsOnTheRegistry() throws IOException {
        browser.open("/registry");
        logInAtTheProvider(ANA);

        arriveAt("/registry");
        browser.visible(By.cssSelector("table.data, .empty"));
        browser.shot("registry");
        assertThat(browser.visible(By.cssSelector(".session span")).getText()).as("the user the pages show")
                .isEqualTo(ANA);
        assertThat(status("/registry")).as("the registry for the Secretariat").isEqualTo(200);
        assertThat(identity.createUserQuery().userId(ANA).singleResult()).as("ana.oim in the engine")
                .extracting(User::getFirstName, User::getEmail)
                .containsExactly("Ana Oim", "ana.oim@example.org");
        assertThat(groupsOf(ANA)).as("ana.oim's groups in the engine").containsExactly("secretariat");
    }

    @Test
    void aGroupTheProviderNoLongerSendsIsGoneAtTheNextLoginAndAGroupGivenInAdminStaysAndCounts() throws IOException {
        // given carlos.cr, known from a login when the provider still had him in the Secretariat, and since then
        // given a group in Admin, whose members may use Cockpit
        User carlos = identity.newUser(CARLOS);
        carlos.setFirstName("Carlos");
        carlos.setPassword(UUID.randomUUID().toString());
        identity.saveUser(carlos);
        Group auditors = identity.newGroup(UNMANAGED);
        auditors.setName("Auditors");
        identity.saveGroup(auditors);
        identity.createMembership(CARLOS, "secretariat");
        identity.createMembership(CARLOS, UNMANAGED);
        Authorization cockpit = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        cockpit.setGroupId(UNMANAGED);
        cockpit.setResource(Resources.APPLICATION);
        cockpit.setResourceId("cockpit");
        cockpit.addPermission(Permissions.ACCESS);
        authorizations.saveAuthorization(cockpit);

        // when he logs in through the provider, which no longer names the Secretariat
        browser.open(Tasklist.HOME);
        logInAtTheProvider(CARLOS);
        arriveAt(Tasklist.HOME);
        browser.visible(By.cssSelector("li.account .dropdown-toggle"));
        browser.shot("tasklist");

        // then the Secretariat is gone and the registry closed to him; the group from Admin stays, and counts for
        // the engine's REST API as for the webapps
        assertThat(groupsOf(CARLOS)).as("carlos.cr's groups in the engine after his login")
                .containsExactlyInAnyOrder("troika", "troika-CR", UNMANAGED);
        assertThat(status("/registry")).as("the registry, once the provider dropped the Secretariat").isEqualTo(403);
        String mayUseCockpit = "/authorization/check?permissionName=ACCESS&resourceName=application&resourceType="
                + Resources.APPLICATION.resourceType() + "&resourceId=cockpit";
        assertThat(json("/camunda/api/engine/engine/default" + mayUseCockpit).path("authorized").asBoolean())
                .as("Cockpit for carlos.cr, asked through the webapps' API").isTrue();
        assertThat(json("/engine-rest" + mayUseCockpit).path("authorized").asBoolean())
                .as("Cockpit for carlos.cr, asked through the engine's REST API").isTrue();
    }

    @Test
    void afterAFailedSingleSignOnTheNextTryStillLeadsToTasklist() throws IOException {
        browser.open(Tasklist.HOME);
        browser.until(driver -> driver.getCurrentUrl().startsWith(browser.baseUrl() + "/login"));
        // an answer from the provider to no login that this session started (an old tab, the back button)
        browser.open("/login/oauth2/code/" + REGISTRATION + "?error=access_denied&state=" + UUID.randomUUID());
        assertThat(browser.visible(By.cssSelector(".notice-error")).getText()).as("what the login page says")
                .isEqualTo("No se pudo iniciar sesión con la cuenta de su organización. Vuelva a intentarlo.");
        browser.shot("login-failed");
        assertThat(browser.driver().findElement(By.name("next")).getDomProperty("value"))
                .as("where the login page still leads").isEqualTo(Tasklist.HOME);

        logInAtTheProvider(CARLOS);

        arriveAt(Tasklist.HOME);
        browser.visible(By.cssSelector("li.account .dropdown-toggle"));
        browser.shot("tasklist");
    }

    /** From the application's login page (where a protected page sent the browser) through the provider's form. */
    private void logInAtTheProvider(String user) throws IOException {
        browser.until(driver -> driver.getCurrentUrl().startsWith(browser.baseUrl() + "/login"));
        browser.shot("login-page");
        browser.click(By.cssSelector(".sso a[href='/oauth2/authorization/" + REGISTRATION + "']"));
        browser.until(driver -> driver.getCurrentUrl().startsWith(provider.issuerUri() + "/login"));
        browser.visible(By.name("username")).sendKeys(user);
        browser.visible(By.name("password")).sendKeys(TestIdentityProvider.PASSWORD);
        browser.shot("provider-login-" + user);
        browser.click(By.cssSelector("button[type=submit]"));
    }

    /** Waits for the browser to be at a path of the application (whatever fragment Tasklist adds to it). */
    private void arriveAt(String path) {
        browser.until(driver -> driver.getCurrentUrl().split("#", 2)[0].equals(browser.baseUrl() + path));
    }

    private List<String> groupsOf(String user) {
        return identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList();
    }

    /** Opens a JSON resource in the browser, with the browser's session, and reads what the browser shows. */
    private JsonNode json(String path) throws IOException {
        browser.open(path);
        return JSON.readTree(browser.visible(By.tagName("pre")).getText());
    }

    /** Opens a page and answers the HTTP status the browser got for it. */
    private long status(String path) {
        browser.open(path);
        return (Long) ((JavascriptExecutor) browser.driver())
                .executeScript("return performance.getEntriesByType('navigation')[0].responseStatus");
    }

    private static List<String> texts(JsonNode array) {
        assertThat(array.isArray()).as("a JSON array: " + array).isTrue();
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
