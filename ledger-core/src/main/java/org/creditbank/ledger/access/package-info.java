/**
 * Who is behind an act: the identity-provider subjects that appointments and sign-in bindings tie to officers and
 * learner accounts. Authentication itself (tokens, keys) lives in the server; the rules here decide only what a
 * bound subject may do.
 */
package org.creditbank.ledger.access;
