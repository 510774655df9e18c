package org.filet.server.linking;

import org.filet.server.media.PictureKeys;
import org.filet.server.support.JobHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** A picture was hashed (and perhaps matched another report's): its keys join the report's network. */
@Component
class PictureNetworks implements JobHandler {

    private final PictureKeys pictures;
    private final NetworkIndex networks;
    private final TransactionTemplate transactions;

    PictureNetworks(PictureKeys pictures, NetworkIndex networks, TransactionTemplate transactions) {
        this.pictures = pictures;
        this.networks = networks;
        this.transactions = transactions;
    }

    @Override
    public String kind() {
        return PictureKeys.CHANGED_JOB;
    }

    @Override
    public void run(String subject) {
        transactions.executeWithoutResult(
                status -> networks.record(PictureKeys.reportOf(subject), pictures.keysOf(subject)));
    }
}
