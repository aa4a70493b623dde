/** The vocabulary of refusals shared by every rule of the ledger. */
package org.creditbank.ledger.rule;
