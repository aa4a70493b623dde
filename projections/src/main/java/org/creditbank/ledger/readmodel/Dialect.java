package org.creditbank.ledger.readmodel;

import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;

import javax.sql.DataSource;
import java.sql.DatabaseMetaData;

/** The two databases the ledger runs on, where their SQL differs. */
public enum Dialect {
    POSTGRESQL, H2;

    /** The dialect of the database behind a data source. */
    public static Dialect of(DataSource dataSource) {
        try {
            String product = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getDatabaseProductName);
            return "H2".equals(product) ? H2 : POSTGRESQL;
        } catch (MetaDataAccessException e) {
            throw new IllegalStateException("cannot tell which database the ledger runs on", e);
        }
    }
}
