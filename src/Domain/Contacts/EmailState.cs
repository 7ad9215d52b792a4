namespace Portal.Domain.Contacts;

/// <summary>Whether a contact's e-mail can be its portal login, as the grant wizard shows it per row.</summary>
public enum EmailState
{
    Ok = 0,
    Invalid = 1,
    UsedByAnotherUser = 2,
    InternalUser = 3,
}

/// <summary>Whose login an e-mail address already is.</summary>
public enum EmailOwner
{
    Nobody = 0,
    ThisContact = 1,
    AnotherPortalUser = 2,
    InternalUser = 3,
}
