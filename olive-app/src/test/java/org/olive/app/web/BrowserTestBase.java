package org.olive.app.web;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * What every browser test shares: the web app on a random port with the demo accounts (one Spring context for all of
 * them, since their configuration is this class's), a real headless Chromium for the test class
 * ({@link HeadlessChromium}: skipped without Debian's chromium and chromium-driver, failed when {@code CI=true}),
 * and logging in.
 */
@Tag("browser")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"olive.demo.accounts=true", "olive.demo.password=" + BrowserTestBase.PASSWORD})
@ActiveProfiles("test")
public abstract class BrowserTestBase {

    /** The demo accounts' password in the browser tests. */
    public static final String PASSWORD = "Browser-pass-2026";

    protected static HeadlessChromium browser;
    protected static WebDriver driver;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        browser = HeadlessChromium.start();
        driver = browser.driver();
    }

    @AfterAll
    static void stopBrowser() throws IOException {
        if (browser != null) {
            browser.close();
        }
    }

    protected String url(String path) {
        return "http://localhost:" + port + path;
    }

    protected WebDriverWait waiting() {
        return browser.waiting();
    }

    /** Logs {@code user} in with the demo password and waits for the cockpit, where a login lands. */
    protected void login(String user) {
        driver.get(url("/login"));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        waiting().until(ExpectedConditions.urlContains("/cockpit"));
    }
}
