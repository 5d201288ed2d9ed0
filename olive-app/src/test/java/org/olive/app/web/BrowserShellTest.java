package org.olive.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.olive.app.account.AccountService;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Logs in with a real headless Chromium (Debian packages chromium and chromium-driver) and looks at the shell. Never
 * downloads anything: the driver and browser are given explicitly, so Selenium Manager is not used. Without
 * /usr/bin/chromedriver the test is skipped, or fails when CI=true.
 */
class BrowserShellTest extends BrowserTestBase {

    static final List<String> NAV_ZH = List.of("驾驶舱", "人口", "家庭", "收入", "群体", "职业", "预警", "政策", "地图");
    static final List<String> NAV_EN =
            List.of("Cockpit", "Population", "Families", "Income", "Groups", "Occupations", "Warnings", "Policies", "Map");

    @Autowired
    AccountService accounts;

    List<String> nav() {
        return driver.findElements(By.cssSelector("nav.mainnav ul:not(.admin) a")).stream()
                .map(WebElement::getText).toList();
    }

    void screenshot(String name) throws IOException {
        browser.screenshot(name);
    }

    @Test
    void analystLogsInAndSeesTheShellInChineseAndEnglish() throws IOException {
        assertThat(accounts.count()).isGreaterThanOrEqualTo(4);

        driver.get(url("/"));
        waiting().until(ExpectedConditions.urlContains("/login"));
        assertThat(driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("登录");
        screenshot("login-zh.png");

        // wrong password first: Chinese error
        driver.findElement(By.id("username")).sendKeys("analyst");
        driver.findElement(By.id("password")).sendKeys("not-the-password");
        driver.findElement(By.id("login-submit")).click();
        waiting().until(ExpectedConditions.urlContains("/login?error"));
        assertThat(driver.findElement(By.cssSelector(".alert.error")).getText()).contains("用户名或密码错误");

        Cookie sessionBefore = driver.manage().getCookieNamed("JSESSIONID");
        driver.findElement(By.id("username")).sendKeys("analyst");
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        waiting().until(ExpectedConditions.urlContains("/cockpit"));
        Cookie sessionAfter = driver.manage().getCookieNamed("JSESSIONID");
        assertThat(sessionAfter).isNotNull();
        assertThat(sessionAfter.isHttpOnly()).isTrue();
        if (sessionBefore != null) {
            assertThat(sessionAfter.getValue()).as("session id changes at login").isNotEqualTo(sessionBefore.getValue());
        }

        assertThat(nav()).containsExactlyElementsOf(NAV_ZH);
        assertThat(driver.findElement(By.cssSelector(".userbox")).getText()).contains("分析员", "嵊泗县");
        assertThat(driver.findElements(By.id("nav-accounts"))).isEmpty();

        // the cockpit: its empty state, or (should a test sharing this context have written an income ledger) its board
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cockpit-empty, #pilot-cards")));
        JavascriptExecutor js = (JavascriptExecutor) driver;
        assertThat(js.executeScript("return typeof echarts")).isEqualTo("object");
        assertThat(js.executeScript("return typeof htmx")).isEqualTo("object");
        screenshot("cockpit-zh.png");

        // data intake: this test ingests nothing, so the empty state (or, should a test sharing this context have
        // ingested something, the runs), and the chart with at least the pilot targets
        driver.findElement(By.id("nav-ingest")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#indicator-chart canvas")));
        assertThat(driver.getTitle()).startsWith("数据接入");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("数据接入");
        List<WebElement> empty = driver.findElements(By.id("runs-empty"));
        if (driver.findElements(By.id("runs-table")).isEmpty()) {
            assertThat(empty).singleElement().extracting(WebElement::getText).asString().contains("尚未接入任何数据");
        }
        assertThat(driver.findElement(By.id("indicator-chart")).getAttribute("data-rendered")).isEqualTo("true");
        screenshot("ingest-empty-zh.png");
        driver.navigate().back();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cockpit-empty, #pilot-cards")));

        driver.findElement(By.linkText("English")).click();
        waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "en"));
        assertThat(nav()).containsExactlyElementsOf(NAV_EN);
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#cockpit-empty, #pilot-cards")));
        screenshot("cockpit-en.png");

        // the language is remembered, and a forbidden page gets the real access-denied page
        driver.get(url("/admin/accounts"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Access denied");
        driver.findElement(By.linkText("中文")).click();
        waiting().until(ExpectedConditions.attributeToBe(By.tagName("html"), "lang", "zh-CN"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("无权访问");

        driver.get(url("/population"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("人口一本账");
        screenshot("population-zh.png");

        // no script errors, no blocked resources (CSP), no 404s in the console
        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(e -> !e.getMessage().contains("/admin/accounts")) // the expected 403
                .toList();
        assertThat(severe).as("browser console errors").isEmpty();

        driver.findElement(By.cssSelector("form.logout button")).click();
        waiting().until(ExpectedConditions.urlContains("/login?logout"));
        assertThat(driver.findElement(By.cssSelector(".alert.info")).getText()).contains("您已安全退出");

        // the administrator also sees the accounts page
        driver.findElement(By.id("username")).sendKeys("admin");
        driver.findElement(By.id("password")).sendKeys(PASSWORD);
        driver.findElement(By.id("login-submit")).click();
        waiting().until(ExpectedConditions.urlContains("/cockpit"));
        driver.findElement(By.id("nav-accounts")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("accounts-table")));
        assertThat(driver.findElement(By.id("accounts-table")).getText()).contains("admin", "analyst", "cadre",
                "policy", "菜园镇");
        screenshot("accounts-zh.png");
    }
}
