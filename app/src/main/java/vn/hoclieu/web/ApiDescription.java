package vn.hoclieu.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of the REST API ({@code /v3/api-docs}, browsable at {@code /swagger-ui.html}),
 * generated from the controllers by springdoc, so that it cannot drift from what the server answers.
 * What a generated description cannot say (visibility, errors, paging, OAI-PMH) is in {@code docs/api.md}.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    @Bean
    OpenAPI hoclieuApi() {
        return new OpenAPI()
                .info(new Info().title("Hoclieu REST API").version("v1")
                        .description("Open learning materials of a network of libraries: search, read and download"
                                + " without signing in; upload, import, review and share with an account (HTTP Basic"
                                + " or a personal API token). Errors are RFC 9457 problem details in the caller's"
                                + " language (Accept-Language: vi or en).")
                        .license(new License().name("Each resource carries its own licence (field licence)")))
                .components(new Components()
                        .addSecuritySchemes("basic", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic"))
                        .addSecuritySchemes("token", new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("A personal API token, made on the account page")))
                .addSecurityItem(new SecurityRequirement().addList("basic"))
                .addSecurityItem(new SecurityRequirement().addList("token"));
    }
}
