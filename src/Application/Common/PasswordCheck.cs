namespace Portal.Application.Common;

public enum PasswordCheck
{
    Failed,
    Success,
    SuccessRehashNeeded,
}
