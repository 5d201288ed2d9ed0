package org.olive.app;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;

/**
 * The one Spring context shared by the MockMvc tests (keep the attributes identical so that the context cache reuses
 * it): in-memory H2 (profile "test"), demo accounts with the fixed password {@link #PASSWORD}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {"olive.demo.accounts=true", "olive.demo.password=" + OliveWebTest.PASSWORD})
@AutoConfigureMockMvc
@ActiveProfiles("test")
public @interface OliveWebTest {

    String PASSWORD = "Test-pass-2026";
}
