package dev.idsync.sim.phorge.db;

/**
 * One table of Phorge's reference schema.
 *
 * @param application the database it lives in, without the prefix: {@code user}, {@code auth} or {@code conduit}
 * @param name the table's name
 * @param ddl its {@code CREATE TABLE} statement as {@code SHOW CREATE TABLE} prints it, without the semicolon
 */
record PhorgeTable(String application, String name, String ddl) {

	/** The statement creating the table in {@code database} rather than in the connection's current one. */
	String ddlIn(String database) {
		String head = "CREATE TABLE `" + this.name + "`";
		if (!this.ddl.startsWith(head)) {
			throw new IllegalStateException("Phorge's schema: the statement for " + this.name + " does not start with "
					+ head);
		}
		return "CREATE TABLE `" + database + "`.`" + this.name + "`" + this.ddl.substring(head.length());
	}

}
