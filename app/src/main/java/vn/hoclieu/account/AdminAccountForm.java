package vn.hoclieu.account;

/**
 * An account as an administrator creates or edits it. The same fields are the JSON of
 * {@code /api/v1/admin/accounts}; when editing, a missing field is left as it is and an empty
 * {@code library} takes the account out of its library.
 */
public class AdminAccountForm {

    private String username;
    private String displayName;
    private Role role;
    private String library;
    private Boolean enabled;

    static AdminAccountForm of(AccountView a) {
        AdminAccountForm form = new AdminAccountForm();
        form.username = a.username();
        form.displayName = a.displayName();
        form.role = a.role();
        form.library = a.library() == null ? "" : a.library();
        return form;
    }

    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public Role getRole() { return role; }
    public void setRole(Role role) { this.role = role; }
    public String getLibrary() { return library; }
    public void setLibrary(String library) { this.library = library; }
    public Boolean getEnabled() { return enabled; }
    public void setEnabled(Boolean enabled) { this.enabled = enabled; }
}
