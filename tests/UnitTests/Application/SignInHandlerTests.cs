using FluentValidation;
using Portal.Application.Account;
using Portal.Application.PortalAccess;
using Portal.Domain.Users;
using Portal.UnitTests.Application.Support;

namespace Portal.UnitTests.Application;

public sealed class SignInHandlerTests : HandlerTest
{
    private const string Password = "Blue-Harbor-Lantern-42";

    private async Task<SignedInUser?> SignInAsync(string email, string password)
    {
        using var request = NewRequest();
        try
        {
            var result = await request.SendAsync(new SignIn(email, password));
            return (result as SignInResult.Succeeded)?.User;
        }
        catch (ValidationException)
        {
            // An empty field never reaches the handler: that, too, signs nobody in.
            return null;
        }
    }

    [Fact]
    public async Task An_active_customer_with_the_right_password_is_signed_in_and_the_sign_in_recorded()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com", language: "de");
        await SeedActiveAsync(anna, Password);
        Clock.Advance(TimeSpan.FromDays(2));

        var signedIn = (await SignInAsync("anna@example.com", Password)).ShouldNotBeNull();

        var user = (await PortalUserOfAsync(anna))!;
        signedIn.ShouldBe(new SignedInUser(user.Id, UserKind.Portal, "anna@example.com", "Anna Berg", user.SecurityStamp, "de"));
        user.LastSignInAt.ShouldBe(Clock.GetUtcNow());
    }

    [Fact]
    public async Task The_email_is_compared_trimmed_and_case_insensitively()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");
        await SeedActiveAsync(anna, Password);

        (await SignInAsync("  ANNA@Example.COM ", Password)).ShouldNotBeNull().Login.ShouldBe("anna@example.com");
    }

    [Fact]
    public async Task A_wrong_password_gives_null_and_records_nothing()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");
        await SeedActiveAsync(anna, Password);
        var before = (await PortalUserOfAsync(anna))!.LastSignInAt;
        Clock.Advance(TimeSpan.FromHours(1));

        (await SignInAsync("anna@example.com", Password.ToLowerInvariant())).ShouldBeNull();

        (await PortalUserOfAsync(anna))!.LastSignInAt.ShouldBe(before);
    }

    [Fact]
    public async Task An_unknown_email_gives_null_after_the_same_password_check_work()
    {
        (await SignInAsync("nobody@example.com", Password)).ShouldBeNull();

        Hasher.Verifications.ShouldBe(1);
    }

    [Fact]
    public async Task An_invited_customer_who_has_not_accepted_yet_cannot_sign_in()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");
        await SeedGrantAsync(anna);

        (await SignInAsync("anna@example.com", Password)).ShouldBeNull();
        (await SignInAsync("anna@example.com", "")).ShouldBeNull();
    }

    [Fact]
    public async Task A_revoked_customer_cannot_sign_in_with_the_old_password()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");
        await SeedActiveAsync(anna, Password);
        await SeedRevokeAsync(anna);

        (await SignInAsync("anna@example.com", Password)).ShouldBeNull();
    }

    [Fact]
    public async Task An_internal_user_with_a_password_signs_in_as_internal()
    {
        var id = await AddInternalUserAsync("Staff@Portal.example", " Sam Staff ", Password);

        var signedIn = (await SignInAsync("staff@portal.example", Password)).ShouldNotBeNull();

        signedIn.UserId.ShouldBe(id);
        signedIn.Kind.ShouldBe(UserKind.Internal);
        signedIn.DisplayName.ShouldBe("Sam Staff");
        signedIn.Language.ShouldBe("en");
    }

    [Fact]
    public async Task An_internal_user_without_a_password_cannot_sign_in()
    {
        await AddInternalUserAsync("staff@portal.example", "Sam Staff");

        (await SignInAsync("staff@portal.example", Password)).ShouldBeNull();
    }

    [Fact]
    public async Task A_hash_the_hasher_wants_renewed_is_replaced_on_a_successful_sign_in()
    {
        var anna = await AddPersonAsync("Anna Berg", "anna@example.com");
        var token = await SeedGrantAsync(anna);
        await using (var db = Database.CreateContext())
        {
            var user = db.PortalUsers.Single(u => u.ContactId == anna);
            db.Entry(user).Collection(u => u.Invitations).Load();
            user.AcceptInvitation(Tokens.Hash(token), FakePasswordHasher.LegacyHashOf(Password), Clock.GetUtcNow());
            await db.SaveChangesAsync();
        }

        (await SignInAsync("anna@example.com", Password)).ShouldNotBeNull();

        (await PortalUserOfAsync(anna))!.PasswordHash.ShouldBe(FakePasswordHasher.HashOf(Password));
    }
}
