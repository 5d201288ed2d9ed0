package org.olive.app.cockpit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.olive.app.population.LedgerTestData.*;

import java.io.IOException;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;
import org.olive.app.income.IncomeTestData;
import org.olive.app.web.BrowserTestBase;
import org.openqa.selenium.By;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cockpit in a real headless Chromium: log in, land on the cockpit, its four charts are drawn (ECharts canvas),
 * the township row drills down to the township's families, a family shows its income, a member's income records;
 * no console errors (CSP). Skipped without /usr/bin/chromedriver and /usr/bin/chromium.
 */
class BrowserCockpitTest extends BrowserTestBase {

    @Autowired
    JdbcClient jdbc;

    @Test
    void landsOnTheCockpitAndDrillsDownToAPersonsIncomeRecords() throws IOException {
        IncomeTestData.seed(jdbc);
        login("analyst");

        for (String chart : List.of("trend-di-chart", "trend-share-chart", "histogram-chart", "lorenz-chart")) {
            browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#" + chart + " canvas")));
            assertThat(driver.findElement(By.id(chart)).getAttribute("data-rendered")).as(chart).isEqualTo("true");
        }
        assertThat(driver.findElements(By.cssSelector("#pilot-cards .indicator-card"))).hasSize(8);
        browser.screenshot("cockpit-board-zh.png");

        // township row → that township's families → a family → a member's income records
        driver.findElement(By.cssSelector("#township-table tr[data-code='" + CAIYUAN + "'] a")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("income-families-table")));
        assertThat(driver.getCurrentUrl()).contains("/income/families", "township=" + CAIYUAN);
        driver.findElement(By.linkText(FAMILY_ZHANG)).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("income-members-table")));
        driver.findElement(By.cssSelector("#income-members-table tr[data-key='" + ZHANG_WEI + "'] a")).click();
        browser.waiting().until(ExpectedConditions.presenceOfElementLocated(By.id("items-table")));
        assertThat(driver.findElement(By.id("items-table")).getText()).contains("iit_wages", "income_iit");
        browser.screenshot("income-person-zh.png");

        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
        assertThat(severe).as("browser console errors").isEmpty();
    }
}
