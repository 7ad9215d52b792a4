using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.ApiKeys;
using Portal.Domain.Users;
using Portal.Infrastructure.Api;

namespace Portal.Infrastructure.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.ToTable("ApiKeys");
        builder.Property(k => k.PublicId).HasMaxLength(ApiKey.PublicIdLength).IsRequired();
        builder.Property(k => k.Name).HasMaxLength(ApiKey.NameMaxLength).IsRequired();
        builder.Property(k => k.SecretHash).HasMaxLength(64).IsRequired();
        builder.Property(k => k.CreatedBy).HasMaxLength(254).IsRequired();
        builder.Property(k => k.RevokedBy).HasMaxLength(254);
        builder.Property(k => k.Role).HasDefaultValue(StaffRole.ReadOnly).ValueGeneratedNever();
        builder.Ignore(k => k.IsRevoked);
        builder.HasIndex(k => k.PublicId).IsUnique();
    }
}

internal sealed class IdempotentResponseConfiguration : IEntityTypeConfiguration<IdempotentResponse>
{
    public void Configure(EntityTypeBuilder<IdempotentResponse> builder)
    {
        builder.ToTable("IdempotentResponses");
        builder.Property(r => r.Key).HasMaxLength(IdempotentResponse.KeyMaxLength).IsRequired();
        builder.Property(r => r.RequestHash).HasMaxLength(64).IsRequired();
        builder.Property(r => r.ContentType).HasMaxLength(200);
        builder.Property(r => r.Location).HasMaxLength(2000);
        builder.HasOne<ApiKey>().WithMany().HasForeignKey(r => r.ApiKeyId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.ApiKeyId, r.Key }).IsUnique();
        builder.HasIndex(r => r.CreatedAt);
    }
}
