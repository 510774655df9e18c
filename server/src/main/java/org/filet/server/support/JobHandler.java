package org.filet.server.support;

/** Does one kind of job. Must be idempotent: a job can run again after a crash between its work and its "done". */
public interface JobHandler {

    String kind();

    void run(String subject) throws Exception;
}
