package io.lepton.serdes.registry;

/**
 * How {@link RestSchemaRegistryClient} treats one HTTP answer of the registry.
 *
 * <p>Why a separate classification: the same status means different things on different calls (a 409 on
 * registration is usually another thread or instance winning a race, not an incompatible schema), so the HTTP loop
 * only decides what is retried in place, and each call decides what the rest means.
 */
enum RegistryAnswer {

    /** 2xx. */
    SUCCESS,
    /** 5xx, 429 and 408: the registry is overloaded or restarting; retry the same request with backoff. */
    TRANSIENT,
    /** 409: on registration, resolved by looking the schema up (see {@link RestSchemaRegistryClient#register}). */
    CONFLICT,
    /** Any other 4xx: the request itself is refused; retrying it unchanged cannot help. */
    REFUSED;

    static RegistryAnswer of(int status) {
        if (status >= 200 && status < 300) {
            return SUCCESS;
        }
        if (status >= 500 || status == 429 || status == 408) {
            return TRANSIENT;
        }
        return status == 409 ? CONFLICT : REFUSED;
    }
}
