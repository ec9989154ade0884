package vn.hoclieu.account;

/**
 * A new personal API token: its name, and in how many days it stops working (null: when revoked).
 * The same fields are the JSON of {@code POST /api/v1/account/tokens}.
 */
public class TokenForm {

    private String name;
    private Integer expiresInDays;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Integer getExpiresInDays() { return expiresInDays; }
    public void setExpiresInDays(Integer expiresInDays) { this.expiresInDays = expiresInDays; }
}
