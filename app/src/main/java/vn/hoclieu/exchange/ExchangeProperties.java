package vn.hoclieu.exchange;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of exchange packages ({@code hoclieu.exchange.*}).
 *
 * @param instanceName how the packages this instance writes name it, and so how the resource pages of the
 *                     instances that import them credit it ("Trung tâm HTCĐ xã An Phú"); by default the
 *                     machine's host name
 */
@ConfigurationProperties("hoclieu.exchange")
public record ExchangeProperties(String instanceName) {

    public ExchangeProperties {
        if (instanceName == null || instanceName.isBlank()) {
            instanceName = hostName();
        }
        instanceName = instanceName.strip();
        if (instanceName.length() > 255) {
            throw new IllegalArgumentException("hoclieu.exchange.instance-name is longer than 255 characters");
        }
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "hoclieu";
        }
    }
}
