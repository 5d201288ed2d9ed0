package org.olive.app.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.olive.app.OliveWebTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

/**
 * Static files are served under their own paths only (WebConfiguration): the style sheet, scripts, images and the
 * version-less WebJars paths answer with a day's cache header, and a page link is not looked up as a static file.
 */
@OliveWebTest
class StaticFilesWebTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    ResourceUrlProvider resources;

    @Test
    void ownFilesAndWebJarsAreServedWithACacheHeader() throws Exception {
        for (String path : new String[]{"/css/olive.css", "/js/olive.js", "/images/olive.svg",
                "/webjars/htmx.org/dist/htmx.min.js", "/webjars/echarts/echarts.min.js"}) {
            mvc.perform(get(path)).andExpect(status().isOk()).andExpect(header().string("Cache-Control", "max-age=3600"));
        }
    }

    @Test
    void onlyStaticPathsAreResolvedAsResources() {
        assertThat(resources.getHandlerMap().keySet()).containsExactlyInAnyOrder("/css/**", "/js/**", "/images/**",
                "/webjars/**");
        assertThat(resources.getForLookupPath("/population")).isNull();
    }
}
