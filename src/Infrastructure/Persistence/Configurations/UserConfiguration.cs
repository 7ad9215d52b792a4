using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Activity;
using Portal.Domain.Contacts;
using Portal.Domain.Documents;
using Portal.Domain.PortalAccess;
using Portal.Domain.Security;
using Portal.Domain.Users;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class UserAccountConfiguration : IEntityTypeConfiguration<UserAccount>
{
    public void Configure(EntityTypeBuilder<UserAccount> builder)
    {
        builder.ToTable("Users");
        builder.HasDiscriminator(u => u.Kind)
            .HasValue<InternalUser>(UserKind.Internal)
            .HasValue<PortalUser>(UserKind.Portal);
        builder.Property(u => u.Login).HasMaxLength(EmailAddress.MaxLength).IsRequired();
        builder.Property(u => u.PasswordHash).HasMaxLength(500);
        builder.Property(u => u.SecurityStamp).HasMaxLength(64).IsRequired();
        builder.Property(u => u.Version).IsConcurrencyToken();
        builder.Ignore(u => u.CanSignIn);
        builder.Ignore(u => u.TwoFactorEnabled);
        builder.Property(u => u.TwoFactorSecret).HasMaxLength(1000);
        builder.Property(u => u.PendingTwoFactorSecret).HasMaxLength(1000);
        builder.HasMany(u => u.RecoveryCodes).WithOne().HasForeignKey(c => c.UserAccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(u => u.Tokens).WithOne().HasForeignKey(t => t.UserAccountId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(u => u.RecoveryCodes).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(u => u.Tokens).UsePropertyAccessMode(PropertyAccessMode.Field);

        // The login is unique across internal and portal users alike: one table, one index.
        builder.HasIndex(u => u.Login).IsUnique();
        // The dashboard's and the contacts list's "locked out now".
        builder.HasIndex(u => u.LockoutEndsAt);
    }
}

internal sealed class RecoveryCodeConfiguration : IEntityTypeConfiguration<RecoveryCode>
{
    public void Configure(EntityTypeBuilder<RecoveryCode> builder)
    {
        builder.ToTable("RecoveryCodes");
        builder.Property(c => c.CodeHash).HasMaxLength(64).IsRequired();
    }
}

internal sealed class AccountTokenConfiguration : IEntityTypeConfiguration<AccountToken>
{
    public void Configure(EntityTypeBuilder<AccountToken> builder)
    {
        builder.ToTable("AccountTokens");
        builder.Property(t => t.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(t => t.NewEmail).HasMaxLength(EmailAddress.MaxLength);
        builder.HasIndex(t => t.TokenHash).IsUnique();
        builder.Ignore(t => t.IsOpen);
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> builder)
    {
        builder.ToTable("Sessions");
        builder.Property(s => s.TokenHash).HasMaxLength(64).IsRequired();
        builder.Property(s => s.IpAddress).HasMaxLength(UserSession.IpAddressMaxLength);
        builder.Property(s => s.UserAgent).HasMaxLength(UserSession.UserAgentMaxLength);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(s => s.UserAccountId).OnDelete(DeleteBehavior.Cascade);
        // The per-request check finds the session by its token's hash.
        builder.HasIndex(s => s.TokenHash).IsUnique();
        builder.HasIndex(s => new { s.UserAccountId, s.EndedAt });
    }
}

internal sealed class SecurityEventConfiguration : IEntityTypeConfiguration<SecurityEvent>
{
    public void Configure(EntityTypeBuilder<SecurityEvent> builder)
    {
        builder.ToTable("SecurityEvents");
        builder.Property(e => e.IpAddress).HasMaxLength(SecurityEvent.IpAddressMaxLength);
        builder.HasOne<UserAccount>().WithMany().HasForeignKey(e => e.UserAccountId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => new { e.UserAccountId, e.OccurredAt });
        // The dashboard's customers signed in per week: a range of one kind, read from the index alone.
        builder.HasIndex(e => new { e.Kind, e.OccurredAt, e.UserAccountId });
    }
}

internal sealed class InternalUserConfiguration : IEntityTypeConfiguration<InternalUser>
{
    public void Configure(EntityTypeBuilder<InternalUser> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(InternalUser.DisplayNameMaxLength).HasColumnName("DisplayName");
        builder.Property(u => u.Role).HasColumnName("StaffRole");
        // NULL: not chosen (colleagues from before the column existed), see InternalUser.Language.
        builder.Property(u => u.Language).HasColumnName("StaffLanguage").HasMaxLength(5);
        // Colleagues stored before the digest existed have not asked for it.
        builder.Property(u => u.DailyDigest).HasDefaultValue(false);
        builder.Ignore(u => u.Status);
        builder.Ignore(u => u.IsActiveAdministrator);
        builder.Ignore(u => u.MayReceiveDailyDigest);
        builder.Ignore(u => u.ReceivesDailyDigest);
    }
}

internal sealed class PortalUserConfiguration : IEntityTypeConfiguration<PortalUser>
{
    public void Configure(EntityTypeBuilder<PortalUser> builder)
    {
        builder.Property(u => u.State).HasColumnName("AccessState");
        // Portal users stored before the column existed are not company administrators: without the default their NULL
        // could not be read, and every page of theirs would fail.
        builder.Property(u => u.IsCompanyAdministrator).HasDefaultValue(false);
        // Portal users stored before colleagues' document kinds existed see all of their company's documents, as they did.
        // Every insert sends its own value: the default is for those rows only, never in place of a chosen "none".
        builder.Property(u => u.CompanyDocumentKinds)
            .HasConversion(kinds => kinds.Bits, bits => DocumentKindSet.FromBits(bits))
            .HasDefaultValue(DocumentKindSet.All)
            .ValueGeneratedNever();
        builder.HasIndex(u => u.ContactId).IsUnique();
        // The needs-attention counts (dormant, expiring, expired, mail failed) walk the customers of one state: everything
        // they read of a user is in this index, so the table itself is never visited.
        builder.HasIndex(u => new { u.State, u.Kind, u.ContactId, u.LastSignInAt, u.AcceptedAt }).HasDatabaseName("IX_Users_AccessState");
        builder.HasIndex(u => u.LastSignInAt);
        // The adoption dashboard counts grants and acceptances by period and week, and reads the median time to accept
        // from a sorted range: ticks sort and subtract alike on both databases, which TimeSpan as SQLite text does not.
        // The funnel is one pass over the grants of a period, each step a column of this index.
        builder.HasIndex(u => new { u.GrantedAt, u.Kind, u.InvitationDeliveredAt, u.AcceptedAt, u.State, u.LastSignInAt, u.TimeToAccept })
            .HasDatabaseName("IX_Users_GrantedAt");
        // The median's window is read in this order, skipping to the middle without sorting.
        builder.HasIndex(u => new { u.TimeToAccept, u.Id, u.Kind, u.GrantedAt }).HasDatabaseName("IX_Users_TimeToAccept");
        // The chart's acceptances of twelve weeks, read from the index alone: the kind is all they ask of the row.
        builder.HasIndex(u => new { u.AcceptedAt, u.Kind });
        builder.Property(u => u.TimeToAccept).HasConversion<long>();
        builder.HasMany(u => u.Invitations).WithOne(i => i.PortalUser).HasForeignKey(i => i.PortalUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(u => u.History).WithOne().HasForeignKey(e => e.PortalUserId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(u => u.Invitations).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Navigation(u => u.History).UsePropertyAccessMode(PropertyAccessMode.Field);
        builder.Ignore(u => u.LatestInvitation);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> builder)
    {
        builder.ToTable("Invitations");
        builder.Property(i => i.TokenHash).HasMaxLength(64).IsRequired();
        builder.HasIndex(i => i.TokenHash).IsUnique();
        builder.HasIndex(i => i.RemindAt);
        // The last reminders are found by how soon their links end.
        builder.HasIndex(i => i.ExpiresAt);
        builder.HasIndex(i => i.PortalUserId);
        // Each change of a mail's status finds its link by the mail.
        builder.HasIndex(i => i.MailId);
        // The open links of a user, with what the needs-attention counts ask of them (how soon they end, whether their mail
        // failed): a look-up per customer that never reads the row, and never a used or voided link. The two always-empty
        // columns are there for SQLite, which reads the row for any column its filter names unless the index holds it.
        builder.HasIndex(i => new { i.PortalUserId, i.ExpiresAt, i.MailStatus, i.UsedAt, i.VoidedAt })
            .HasFilter("\"UsedAt\" IS NULL AND \"VoidedAt\" IS NULL")
            .HasDatabaseName("IX_Invitations_Open");
        // The needs-attention counts read the open links from their side, as one list (AccessConditions): those that still
        // work or end soon are a range of the first index however many expired links pile up, those whose mail failed a range
        // of the second. PostgreSQL then reads that list for a company's few customers too instead of scanning every user.
        builder.HasIndex(i => new { i.ExpiresAt, i.PortalUserId, i.UsedAt, i.VoidedAt })
            .HasFilter("\"UsedAt\" IS NULL AND \"VoidedAt\" IS NULL")
            .HasDatabaseName("IX_Invitations_Open_ExpiresAt");
        builder.HasIndex(i => new { i.MailStatus, i.PortalUserId, i.UsedAt, i.VoidedAt })
            .HasFilter("\"UsedAt\" IS NULL AND \"VoidedAt\" IS NULL")
            .HasDatabaseName("IX_Invitations_Open_MailStatus");
        builder.Ignore(i => i.IsOpen);
    }
}

internal sealed class PortalAccessEventConfiguration : IEntityTypeConfiguration<PortalAccessEvent>
{
    public void Configure(EntityTypeBuilder<PortalAccessEvent> builder)
    {
        builder.ToTable("PortalAccessEvents");
        builder.Property(e => e.Actor).HasMaxLength(254).IsRequired();
        builder.Property(e => e.ActorKind).HasDefaultValue(ActivityActorKind.Staff).ValueGeneratedNever();
        builder.HasIndex(e => new { e.PortalUserId, e.OccurredAt });
    }
}
