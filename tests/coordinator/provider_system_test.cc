// The system provider's identity, IsVolumeSupported and the checks
// AddToSnapshotSet makes (spec 8.3, 14.1 to 14.3, rule 18.12), each HRESULT
// in the documented order.
#include "coordinator/provider_system.h"

#include <gtest/gtest.h>
#include <vsserror.h>

#include <string>

#include "com/guid_format.h"

namespace vssemu::coordinator {
namespace {

constexpr VSS_ID kOtherProviderId = {
    0x11111111,
    0x2222,
    0x4333,
    {0x84, 0x44, 0x55, 0x55, 0x66, 0x66, 0x77, 0x77}};

// C: is an ordinary NTFS volume, D: one the system provider does not
// support, E: a FAT volume.
class ProviderSystemTest : public ::testing::Test {
 protected:
  ProviderSystemTest() : volumes_(VolumeTable::WithDefaultVolumes()) {
    volumes_.Add(
        {.display_name = L"D:\\", .supported_by_system_provider = false});
    volumes_.Add({.display_name = L"E:\\", .ntfs = false});
  }

  VSS_ID NewId() { return GuidFromPrng(ids_); }

  // Creates one shadow copy of volume through the whole provider sequence.
  void CreateShadowCopy(SystemProvider& provider, const wchar_t* volume) {
    VSS_ID set = NewId();
    ASSERT_EQ(
        provider.BeginPrepareSnapshot(set, NewId(), volume, VSS_CTX_BACKUP).hr,
        S_OK);
    ASSERT_EQ(provider.EndPrepareSnapshots(set).hr, S_OK);
    ASSERT_EQ(provider.PreCommitSnapshots(set).hr, S_OK);
    ASSERT_EQ(provider.CommitSnapshots(set, 1, sim::TimePoint{}).hr, S_OK);
    ASSERT_EQ(provider.PostCommitSnapshots(set, 1).hr, S_OK);
    ASSERT_EQ(provider.PreFinalCommitSnapshots(set).hr, S_OK);
    ASSERT_EQ(provider.PostFinalCommitSnapshots(set).hr, S_OK);
  }

  SnapshotSetPlan Plan(LONG context = VSS_CTX_BACKUP) {
    return SnapshotSetPlan{
        .set_id = NewId(), .context = context, .snapshots = {}};
  }

  VolumeTable volumes_;
  SystemProvider provider_{&volumes_};
  sim::Prng ids_{99};
};

TEST(ProviderIdentity, IsTheRealMicrosoftSoftwareShadowCopyProvider) {
  EXPECT_EQ(com::FormatGuid(kSystemProviderId),
            "b5946137-7b9f-4925-af80-51abd60b20d5");
  EXPECT_EQ(std::wstring(kSystemProviderName),
            L"Microsoft Software Shadow Copy provider 1.0");
  EXPECT_EQ(kSystemProviderType, VSS_PROV_SYSTEM);
  EXPECT_EQ(SystemProviderOptions{}.machine_name, L"vssemu-host");
}

TEST_F(ProviderSystemTest, IsVolumeSupportedRejectsNullArguments) {
  BOOL supported = TRUE;
  EXPECT_EQ(provider_.IsVolumeSupported(GUID_NULL, nullptr, VSS_CTX_BACKUP,
                                        &supported),
            E_INVALIDARG);
  EXPECT_EQ(
      provider_.IsVolumeSupported(GUID_NULL, L"C:\\", VSS_CTX_BACKUP, nullptr),
      E_INVALIDARG);
}

TEST_F(ProviderSystemTest, IsVolumeSupportedReportsUnknownVolumesAndProviders) {
  BOOL supported = TRUE;
  EXPECT_EQ(provider_.IsVolumeSupported(GUID_NULL, L"Q:\\", VSS_CTX_BACKUP,
                                        &supported),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(supported, FALSE);
  EXPECT_EQ(provider_.IsVolumeSupported(kOtherProviderId, L"C:\\",
                                        VSS_CTX_BACKUP, &supported),
            VSS_E_PROVIDER_NOT_REGISTERED);
}

TEST_F(ProviderSystemTest, IsVolumeSupportedAnswersForNullAndOurProviderId) {
  for (const VSS_ID& id : {GUID_NULL, kSystemProviderId}) {
    BOOL supported = FALSE;
    ASSERT_EQ(
        provider_.IsVolumeSupported(id, L"c:", VSS_CTX_BACKUP, &supported),
        S_OK);
    EXPECT_EQ(supported, TRUE);
    ASSERT_EQ(
        provider_.IsVolumeSupported(id, L"D:\\", VSS_CTX_BACKUP, &supported),
        S_OK);
    EXPECT_EQ(supported, FALSE);
  }
}

TEST_F(ProviderSystemTest, PersistentContextsNeedAnNtfsVolume) {
  BOOL supported = FALSE;
  ASSERT_EQ(provider_.IsVolumeSupported(GUID_NULL, L"E:\\", VSS_CTX_BACKUP,
                                        &supported),
            S_OK);
  EXPECT_EQ(supported, TRUE);
  for (LONG context :
       {VSS_CTX_APP_ROLLBACK, VSS_CTX_NAS_ROLLBACK, VSS_CTX_CLIENT_ACCESSIBLE,
        VSS_CTX_CLIENT_ACCESSIBLE_WRITERS}) {
    ASSERT_EQ(
        provider_.IsVolumeSupported(GUID_NULL, L"E:\\", context, &supported),
        S_OK);
    EXPECT_EQ(supported, FALSE) << "context " << context;
    ASSERT_EQ(
        provider_.IsVolumeSupported(GUID_NULL, L"C:\\", context, &supported),
        S_OK);
    EXPECT_EQ(supported, TRUE) << "context " << context;
  }
}

TEST_F(ProviderSystemTest, SplitMirrorsAndTransportableCopiesNeedHardware) {
  BOOL supported = TRUE;
  for (LONG context : {static_cast<LONG>(VSS_VOLSNAP_ATTR_PLEX),
                       static_cast<LONG>(VSS_VOLSNAP_ATTR_TRANSPORTABLE |
                                         VSS_VOLSNAP_ATTR_DIFFERENTIAL)}) {
    ASSERT_EQ(
        provider_.IsVolumeSupported(GUID_NULL, L"C:\\", context, &supported),
        S_OK);
    EXPECT_EQ(supported, FALSE) << "context " << context;
  }
  ASSERT_EQ(provider_.IsVolumeSupported(
                GUID_NULL, L"C:\\", VSS_VOLSNAP_ATTR_DIFFERENTIAL, &supported),
            S_OK);
  EXPECT_EQ(supported, TRUE);
}

TEST_F(ProviderSystemTest, IsVolumeSupportedIgnoresTheShadowCopyLimit) {
  SystemProvider limited(&volumes_, {.max_snapshots_per_volume = 1});
  CreateShadowCopy(limited, L"C:\\");
  BOOL supported = FALSE;
  ASSERT_EQ(
      limited.IsVolumeSupported(GUID_NULL, L"C:\\", VSS_CTX_BACKUP, &supported),
      S_OK);
  EXPECT_EQ(supported, TRUE);
  EXPECT_EQ(limited.CheckVolumeForSet(L"C:\\", GUID_NULL, Plan()),
            VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED);
}

TEST_F(ProviderSystemTest, CheckVolumeForSetRejectsANullName) {
  EXPECT_EQ(provider_.CheckVolumeForSet(nullptr, GUID_NULL, Plan()),
            E_INVALIDARG);
}

TEST_F(ProviderSystemTest, CheckVolumeForSetFindsTheVolumeBeforeTheProvider) {
  EXPECT_EQ(provider_.CheckVolumeForSet(L"Q:\\", GUID_NULL, Plan()),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(provider_.CheckVolumeForSet(L"C:\\Windows\\", GUID_NULL, Plan()),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(provider_.CheckVolumeForSet(L"Q:\\", kOtherProviderId, Plan()),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(provider_.CheckVolumeForSet(L"C:\\", kOtherProviderId, Plan()),
            VSS_E_PROVIDER_NOT_REGISTERED);
}

TEST_F(ProviderSystemTest, UnsupportedVolumeErrorDependsOnTheNamedProvider) {
  EXPECT_EQ(provider_.CheckVolumeForSet(L"D:\\", GUID_NULL, Plan()),
            VSS_E_VOLUME_NOT_SUPPORTED);
  EXPECT_EQ(provider_.CheckVolumeForSet(L"D:\\", kSystemProviderId, Plan()),
            VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER);
  EXPECT_EQ(provider_.CheckVolumeForSet(L"E:\\", GUID_NULL,
                                        Plan(VSS_CTX_APP_ROLLBACK)),
            VSS_E_VOLUME_NOT_SUPPORTED);
  EXPECT_EQ(provider_.CheckVolumeForSet(L"E:\\", kSystemProviderId,
                                        Plan(VSS_CTX_APP_ROLLBACK)),
            VSS_E_VOLUME_NOT_SUPPORTED_BY_PROVIDER);
}

TEST_F(ProviderSystemTest, AVolumeIsInASetOnceWhateverNameItIsAddedUnder) {
  SnapshotSetPlan set = Plan();
  ASSERT_EQ(provider_.AddToSnapshotSet(L"C:\\", GUID_NULL, NewId(), &set),
            S_OK);
  const std::wstring guid_name = volumes_.volumes()[0].guid_name;
  for (const wchar_t* name : {L"C:\\", L"c:", guid_name.c_str()}) {
    EXPECT_EQ(provider_.AddToSnapshotSet(name, GUID_NULL, NewId(), &set),
              VSS_E_OBJECT_ALREADY_EXISTS);
  }
  EXPECT_EQ(set.snapshots.size(), 1u);
}

TEST_F(ProviderSystemTest, AddToSnapshotSetAppendsTheVolumeOnlyOnSuccess) {
  SnapshotSetPlan set = Plan();
  VSS_ID first = NewId();
  ASSERT_EQ(provider_.AddToSnapshotSet(L"c:\\", kSystemProviderId, first, &set),
            S_OK);
  EXPECT_EQ(provider_.AddToSnapshotSet(L"D:\\", GUID_NULL, NewId(), &set),
            VSS_E_VOLUME_NOT_SUPPORTED);
  EXPECT_EQ(provider_.AddToSnapshotSet(L"E:\\", GUID_NULL, GUID_NULL, &set),
            E_INVALIDARG);
  EXPECT_EQ(provider_.AddToSnapshotSet(L"E:\\", GUID_NULL, NewId(), nullptr),
            E_INVALIDARG);
  ASSERT_EQ(set.snapshots.size(), 1u);
  EXPECT_TRUE(IsEqualGUID(set.snapshots[0].snapshot_id, first));
  EXPECT_EQ(set.snapshots[0].volume, &volumes_.volumes()[0]);
}

TEST_F(ProviderSystemTest, TheSixtyFifthVolumeOfASetIsRefused) {
  for (int i = 1; i <= 64; ++i) {
    volumes_.Add({.display_name = L"C:\\Mount\\V" + std::to_wstring(i)});
  }
  SnapshotSetPlan set = Plan();
  ASSERT_EQ(provider_.AddToSnapshotSet(L"C:\\", GUID_NULL, NewId(), &set),
            S_OK);
  for (int i = 1; i < 64; ++i) {
    std::wstring name = L"C:\\Mount\\V" + std::to_wstring(i) + L"\\";
    ASSERT_EQ(
        provider_.AddToSnapshotSet(name.c_str(), GUID_NULL, NewId(), &set),
        S_OK)
        << "volume " << i + 1;
  }
  ASSERT_EQ(set.snapshots.size(), 64u);
  EXPECT_EQ(
      provider_.AddToSnapshotSet(L"C:\\Mount\\V64\\", GUID_NULL, NewId(), &set),
      VSS_E_MAXIMUM_NUMBER_OF_VOLUMES_REACHED);
  EXPECT_EQ(set.snapshots.size(), 64u);
}

TEST_F(ProviderSystemTest, AVolumeWithFiveHundredTwelveShadowCopiesIsRefused) {
  for (int i = 0; i < 511; ++i) CreateShadowCopy(provider_, L"C:\\");
  EXPECT_EQ(provider_.CheckVolumeForSet(L"C:\\", GUID_NULL, Plan()), S_OK);
  CreateShadowCopy(provider_, L"C:\\");
  EXPECT_EQ(provider_.SnapshotCountOnVolume(volumes_.volumes()[0]), 512u);
  EXPECT_EQ(provider_.CheckVolumeForSet(L"C:\\", GUID_NULL, Plan()),
            VSS_E_MAXIMUM_NUMBER_OF_SNAPSHOTS_REACHED);
  EXPECT_EQ(provider_.CheckVolumeForSet(L"E:\\", GUID_NULL, Plan()), S_OK);
}

}  // namespace
}  // namespace vssemu::coordinator
