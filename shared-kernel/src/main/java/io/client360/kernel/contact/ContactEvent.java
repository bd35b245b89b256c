package io.client360.kernel.contact;

/** Every fact recorded about a contact. */
public sealed interface ContactEvent
        permits ContactCreated, ContactRoleChanged, ClientAccessGranted, ClientAccessRevoked, PrimaryClientChanged,
                PortalSettingsChanged, ProductPreferencesSet, ContactAccessChanged, ContactLoggedIn, ContactLocked,
                ContactReactivated, ContactRetiredAsDuplicate, DuplicateContactMerged, DuplicateContactUnmerged,
                ContactRestoredFromMerge, ContactNoteAdded, ContactEntryMarked, ContactProfileChanged {

    String contactId();
}
