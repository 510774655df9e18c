package org.filet.server.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.filet.server.support.StorableText;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

/**
 * Refuses, before any controller runs, a request whose form fields, query parameters or path segments hold text the
 * database cannot store (NUL, unpaired surrogates, non-characters): the answer is a 400 naming the field — a problem
 * document for the API, the error page for a browser — never a 500 from inside a transaction. JSON bodies are
 * checked where they are read, with the field's path.
 */
class StorableRequests implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        for (Map.Entry<String, String[]> p : request.getParameterMap().entrySet()) {
            if (!StorableText.storable(p.getKey())) {
                throw new StorableText.Refused("(parameter name)");
            }
            for (String value : p.getValue()) {
                if (!StorableText.storable(value)) {
                    throw new StorableText.Refused(p.getKey());
                }
            }
        }
        if (request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> variables) {
            for (Map.Entry<?, ?> v : variables.entrySet()) {
                if (v.getValue() instanceof String value && !StorableText.storable(value)) {
                    throw new StorableText.Refused(String.valueOf(v.getKey()));
                }
            }
        }
        return true;
    }
}
