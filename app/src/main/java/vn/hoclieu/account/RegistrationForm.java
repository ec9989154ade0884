package vn.hoclieu.account;

/** The fields of the registration page; the passwords are never sent back to the browser. */
public class RegistrationForm {

    private String username;
    private String displayName;
    private String password;
    private String confirmation;

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
}
