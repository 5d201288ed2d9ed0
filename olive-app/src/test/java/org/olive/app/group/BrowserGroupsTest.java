package org.olive.app.group;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.olive.app.population.LedgerTestData;
import org.olive.app.web.BrowserTestBase;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The key-group pages in a real headless Chromium (like BrowserFamilyTest, whose Spring context it shares): /groups
 * draws its tiers chart with ECharts, the group page its trend, township, pyramid and mix charts, with no console
 * error (CSP, script errors). Skipped without /usr/bin/chromedriver and /usr/bin/chromium, failed then under CI=true
 * ({@link HeadlessChromium}).
 */
class BrowserGroupsTest extends BrowserTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void theGroupPagesRenderTheirChartsWithoutScriptErrors() throws IOException {
        GroupTestData.seed(jdbc);
        login("analyst");

        driver.findElement(By.id("nav-groups")).click();
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#tiers-chart canvas")));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("群体一本账");
        var tiers = driver.findElement(By.id("tiers-chart"));
        assertThat(tiers.getAttribute("data-rendered")).isEqualTo("true");
        assertThat(tiers.getAttribute("data-series")).isEqualTo("4");
        browser.screenshot("groups-zh.png");

        driver.get(url("/groups/" + GroupTestData.SKILLED + "?period=" + LedgerTestData.P2));
        waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#pyramid-chart canvas")));
        for (String id : List.of("trend-chart", "tier-chart", "township-chart", "pyramid-chart", "education-chart",
                "occupation-chart", "industry-chart")) {
            assertThat(driver.findElement(By.id(id)).getAttribute("data-rendered")).as(id).isEqualTo("true");
            assertThat(driver.findElements(By.cssSelector("#" + id + " canvas"))).as(id).isNotEmpty();
        }
        browser.screenshot("group-profile-zh.png");

        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(severe).as("browser console errors").isEmpty();
    }
}
