from django.contrib import admin

from digikind.orgs.models import AuditEvent, Invitation, Membership, Organisation


class MembershipInline(admin.TabularInline):  # type: ignore[type-arg]
    model = Membership
    extra = 0
    raw_id_fields = ("user",)


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("name", "slug", "kind", "created_at")
    search_fields = ("name", "slug")
    inlines = [MembershipInline]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("email", "organisation", "role", "created_at", "expires_at", "accepted_at")
    exclude = ("token_hash",)


@admin.register(AuditEvent)
class AuditEventAdmin(admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ("created_at", "organisation", "actor", "action", "detail")
    list_filter = ("action",)
