namespace Portal.Domain.Users;

public enum UserKind
{
    Internal = 0,
    Portal = 1,
}
