namespace Portal.Domain.Security;

public enum SecurityEventKind
{
    SignedIn = 1,
    SignInFailed = 2,
    LockedOut = 3,
    PasswordChanged = 4,
    SignedOutEverywhere = 5,
    TwoFactorEnabled = 6,
    TwoFactorDisabled = 7,
    RecoveryCodeUsed = 8,
    PasswordResetRequested = 9,
    PasswordReset = 10,
    EmailChangeRequested = 11,
    EmailChanged = 12,
    AccountClosed = 13,
    PaymentMethodAdded = 14,
    PaymentMethodRemoved = 15,
    DefaultPaymentMethodChanged = 16,
    RecoveryCodesReplaced = 17,
    EmailChangeReported = 18,
}
