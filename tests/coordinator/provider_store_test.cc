// The shadow copies the system provider keeps: their properties (and the
// task-memory strings VssFreeSnapshotProperties frees), attributes per
// context, DeleteSnapshots (spec 8.3) and the release of auto-release
// shadow copies with their backup object (spec 1.9).
#include <gtest/gtest.h>
#include <vsserror.h>

#include <string>

#include "coordinator/provider_system.h"

namespace vssemu::coordinator {
namespace {

// Frees the strings as VssFreeSnapshotProperties does (CoTaskMemFree each).
void FreeProp(VSS_SNAPSHOT_PROP* prop) {
  for (VSS_PWSZ* s :
       {&prop->m_pwszSnapshotDeviceObject, &prop->m_pwszOriginalVolumeName,
        &prop->m_pwszOriginatingMachine, &prop->m_pwszServiceMachine,
        &prop->m_pwszExposedName, &prop->m_pwszExposedPath}) {
    CoTaskMemFree(*s);
    *s = nullptr;
  }
}

// Fails a delete of one chosen shadow copy.
class FailingDelete : public ProviderBehaviour {
 public:
  StepResult OnStep(const StepCall& call) override {
    if (call.step == ProviderStep::kDeleteSnapshot &&
        IsEqualGUID(call.snapshot_id, victim)) {
      return {hr, sim::Duration{0}};
    }
    return {};
  }
  VSS_ID victim = GUID_NULL;
  HRESULT hr = VSS_E_PROVIDER_VETO;
};

class ProviderStoreTest : public ::testing::Test {
 protected:
  ProviderStoreTest() : volumes_(VolumeTable::WithDefaultVolumes()) {
    volumes_.Add({.display_name = L"D:\\"});
  }

  VSS_ID NewId() { return GuidFromPrng(ids_); }

  // Creates a complete set over C: and D:; returns the set id and stores
  // the snapshot ids in c_ and d_.
  VSS_ID CreateSet(LONG context, uint64_t owner,
                   sim::TimePoint now = sim::TimePoint{}) {
    VSS_ID set = NewId();
    c_ = NewId();
    d_ = NewId();
    EXPECT_EQ(provider_.BeginPrepareSnapshot(set, c_, L"C:\\", context).hr,
              S_OK);
    EXPECT_EQ(provider_.BeginPrepareSnapshot(set, d_, L"D:\\", context).hr,
              S_OK);
    EXPECT_EQ(provider_.EndPrepareSnapshots(set).hr, S_OK);
    EXPECT_EQ(provider_.PreCommitSnapshots(set).hr, S_OK);
    EXPECT_EQ(provider_.CommitSnapshots(set, owner, now).hr, S_OK);
    EXPECT_EQ(provider_.PostCommitSnapshots(set, 2).hr, S_OK);
    EXPECT_EQ(provider_.PreFinalCommitSnapshots(set).hr, S_OK);
    EXPECT_EQ(provider_.PostFinalCommitSnapshots(set).hr, S_OK);
    return set;
  }

  LONG AttributesOf(const VSS_ID& id) {
    const SnapshotRecord* r = provider_.FindSnapshot(id);
    return r == nullptr ? -1 : r->attributes;
  }

  VolumeTable volumes_;
  SystemProvider provider_{&volumes_, {.machine_name = L"host.example"}};
  sim::Prng ids_{11};
  VSS_ID c_ = GUID_NULL;
  VSS_ID d_ = GUID_NULL;
};

TEST_F(ProviderStoreTest, PropertiesDescribeTheShadowCopy) {
  VSS_ID set =
      CreateSet(VSS_CTX_BACKUP, 1, sim::TimePoint{std::chrono::seconds(3)});
  VSS_SNAPSHOT_PROP prop = {};
  ASSERT_EQ(provider_.GetSnapshotProperties(d_, &prop), S_OK);
  EXPECT_TRUE(IsEqualGUID(prop.m_SnapshotId, d_));
  EXPECT_TRUE(IsEqualGUID(prop.m_SnapshotSetId, set));
  EXPECT_EQ(prop.m_lSnapshotsCount, 2);
  EXPECT_EQ(std::wstring(prop.m_pwszSnapshotDeviceObject),
            L"\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy2");
  EXPECT_EQ(std::wstring(prop.m_pwszOriginalVolumeName),
            volumes_.volumes()[1].guid_name);
  EXPECT_EQ(std::wstring(prop.m_pwszOriginatingMachine), L"host.example");
  EXPECT_EQ(std::wstring(prop.m_pwszServiceMachine), L"host.example");
  EXPECT_EQ(prop.m_pwszExposedName, nullptr);
  EXPECT_EQ(prop.m_pwszExposedPath, nullptr);
  EXPECT_TRUE(IsEqualGUID(prop.m_ProviderId, kSystemProviderId));
  EXPECT_EQ(prop.m_lSnapshotAttributes,
            VSS_VOLSNAP_ATTR_DIFFERENTIAL | VSS_VOLSNAP_ATTR_AUTORECOVER);
  EXPECT_EQ(prop.m_tsCreationTimestamp, kVirtualEpochTimestamp + 30000000);
  EXPECT_EQ(prop.m_eStatus, VSS_SS_CREATED);
  FreeProp(&prop);
}

TEST_F(ProviderStoreTest, EachCallGivesTheCallerItsOwnStrings) {
  CreateSet(VSS_CTX_BACKUP, 1);
  VSS_SNAPSHOT_PROP a = {}, b = {};
  ASSERT_EQ(provider_.GetSnapshotProperties(c_, &a), S_OK);
  ASSERT_EQ(provider_.GetSnapshotProperties(c_, &b), S_OK);
  EXPECT_NE(a.m_pwszSnapshotDeviceObject, b.m_pwszSnapshotDeviceObject);
  FreeProp(&a);
  EXPECT_EQ(std::wstring(b.m_pwszSnapshotDeviceObject),
            L"\\\\?\\GLOBALROOT\\Device\\HarddiskVolumeShadowCopy1");
  FreeProp(&b);
}

TEST_F(ProviderStoreTest, VirtualTimeZeroIsTheFirstOfJanuary2020) {
  // 2020-01-01T00:00:00Z is 1577836800 s after the Unix epoch, which is
  // 11644473600 s after the FILETIME epoch.
  EXPECT_EQ(TimestampFromVirtualTime(sim::TimePoint{}),
            (1577836800LL + 11644473600LL) * 10000000LL);
  EXPECT_EQ(TimestampFromVirtualTime(sim::TimePoint{sim::Duration{7}}),
            kVirtualEpochTimestamp + 70);
}

TEST_F(ProviderStoreTest, GetSnapshotPropertiesRejectsNullAndUnknownIds) {
  CreateSet(VSS_CTX_BACKUP, 1);
  EXPECT_EQ(provider_.GetSnapshotProperties(c_, nullptr), E_INVALIDARG);
  VSS_SNAPSHOT_PROP prop = {};
  EXPECT_EQ(provider_.GetSnapshotProperties(NewId(), &prop),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(provider_.GetSnapshotProperties(GUID_NULL, &prop),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(prop.m_pwszSnapshotDeviceObject, nullptr);
}

TEST_F(ProviderStoreTest, AttributesAreTheContextOfTheSet) {
  // Contexts with writers are auto-recovered unless NO_AUTORECOVERY is set.
  CreateSet(VSS_CTX_BACKUP, 1);
  EXPECT_EQ(AttributesOf(c_),
            VSS_VOLSNAP_ATTR_DIFFERENTIAL | VSS_VOLSNAP_ATTR_AUTORECOVER);
  CreateSet(VSS_CTX_APP_ROLLBACK, 1);
  EXPECT_EQ(AttributesOf(c_), VSS_VOLSNAP_ATTR_PERSISTENT |
                                  VSS_VOLSNAP_ATTR_NO_AUTO_RELEASE |
                                  VSS_VOLSNAP_ATTR_DIFFERENTIAL |
                                  VSS_VOLSNAP_ATTR_AUTORECOVER);
  CreateSet(VSS_CTX_FILE_SHARE_BACKUP, 1);
  EXPECT_EQ(AttributesOf(c_), LONG{VSS_CTX_FILE_SHARE_BACKUP} |
                                  VSS_VOLSNAP_ATTR_DIFFERENTIAL);
  CreateSet(LONG{VSS_CTX_CLIENT_ACCESSIBLE} | VSS_VOLSNAP_ATTR_NO_AUTORECOVERY,
            1);
  EXPECT_EQ(AttributesOf(c_), LONG{VSS_CTX_CLIENT_ACCESSIBLE} |
                                  VSS_VOLSNAP_ATTR_NO_AUTORECOVERY |
                                  VSS_VOLSNAP_ATTR_DIFFERENTIAL);
}

TEST_F(ProviderStoreTest, ReleaseDeletesOnlyTheOwnersAutoReleaseShadowCopies) {
  CreateSet(VSS_CTX_BACKUP, 1);
  VSS_ID mine_auto = c_;
  CreateSet(VSS_CTX_FILE_SHARE_BACKUP, 1);
  CreateSet(VSS_CTX_APP_ROLLBACK, 1);
  VSS_ID mine_persistent = c_;
  CreateSet(VSS_CTX_BACKUP, 2);
  VSS_ID other_auto = c_;
  ASSERT_EQ(provider_.LiveSnapshotCount(), 8u);
  EXPECT_EQ(provider_.ReleaseAutoReleaseSnapshots(1), 4u);
  EXPECT_EQ(provider_.LiveSnapshotCount(), 4u);
  EXPECT_EQ(provider_.FindSnapshot(mine_auto), nullptr);
  EXPECT_NE(provider_.FindSnapshot(mine_persistent), nullptr);
  EXPECT_NE(provider_.FindSnapshot(other_auto), nullptr);
  EXPECT_EQ(provider_.ReleaseAutoReleaseSnapshots(1), 0u);
}

TEST_F(ProviderStoreTest, DeleteOneShadowCopy) {
  CreateSet(VSS_CTX_BACKUP, 1);
  LONG deleted = -1;
  VSS_ID nondeleted = c_;
  ASSERT_EQ(provider_.DeleteSnapshots(c_, VSS_OBJECT_SNAPSHOT, FALSE, &deleted,
                                      &nondeleted),
            S_OK);
  EXPECT_EQ(deleted, 1);
  EXPECT_TRUE(IsEqualGUID(nondeleted, GUID_NULL));
  EXPECT_EQ(provider_.FindSnapshot(c_), nullptr);
  EXPECT_NE(provider_.FindSnapshot(d_), nullptr);
}

TEST_F(ProviderStoreTest, DeleteAWholeSetWithForce) {
  VSS_ID set = CreateSet(VSS_CTX_APP_ROLLBACK, 1);
  CreateSet(VSS_CTX_BACKUP, 1);
  LONG deleted = 0;
  VSS_ID nondeleted;
  ASSERT_EQ(provider_.DeleteSnapshots(set, VSS_OBJECT_SNAPSHOT_SET, TRUE,
                                      &deleted, &nondeleted),
            S_OK);
  EXPECT_EQ(deleted, 2);
  EXPECT_TRUE(IsEqualGUID(nondeleted, GUID_NULL));
  EXPECT_EQ(provider_.LiveSnapshotCount(), 2u);
}

TEST_F(ProviderStoreTest, DeleteRejectsNullOutputsAndOtherObjectTypes) {
  VSS_ID set = CreateSet(VSS_CTX_BACKUP, 1);
  LONG deleted = 0;
  VSS_ID nondeleted;
  EXPECT_EQ(provider_.DeleteSnapshots(set, VSS_OBJECT_SNAPSHOT_SET, FALSE,
                                      nullptr, &nondeleted),
            E_INVALIDARG);
  EXPECT_EQ(provider_.DeleteSnapshots(set, VSS_OBJECT_SNAPSHOT_SET, FALSE,
                                      &deleted, nullptr),
            E_INVALIDARG);
  for (VSS_OBJECT_TYPE type : {VSS_OBJECT_UNKNOWN, VSS_OBJECT_NONE,
                               VSS_OBJECT_PROVIDER, VSS_OBJECT_TYPE_COUNT}) {
    EXPECT_EQ(
        provider_.DeleteSnapshots(set, type, FALSE, &deleted, &nondeleted),
        E_INVALIDARG)
        << "type " << type;
  }
  EXPECT_EQ(provider_.LiveSnapshotCount(), 2u);
}

TEST_F(ProviderStoreTest, DeleteOfAnUnknownIdIsNotFound) {
  VSS_ID set = CreateSet(VSS_CTX_BACKUP, 1);
  LONG deleted = 5;
  VSS_ID nondeleted;
  EXPECT_EQ(provider_.DeleteSnapshots(NewId(), VSS_OBJECT_SNAPSHOT, FALSE,
                                      &deleted, &nondeleted),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(deleted, 0);
  // A set id is not a snapshot id, and the other way round.
  EXPECT_EQ(provider_.DeleteSnapshots(set, VSS_OBJECT_SNAPSHOT, FALSE, &deleted,
                                      &nondeleted),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(provider_.DeleteSnapshots(c_, VSS_OBJECT_SNAPSHOT_SET, FALSE,
                                      &deleted, &nondeleted),
            VSS_E_OBJECT_NOT_FOUND);
  EXPECT_EQ(provider_.LiveSnapshotCount(), 2u);
}

TEST_F(ProviderStoreTest, DeleteStopsAtTheFirstFailureAndNamesIt) {
  VSS_ID set = CreateSet(VSS_CTX_BACKUP, 1);
  FailingDelete behaviour;
  behaviour.victim = d_;
  provider_.set_behaviour(&behaviour);
  LONG deleted = 0;
  VSS_ID nondeleted = GUID_NULL;
  EXPECT_EQ(provider_.DeleteSnapshots(set, VSS_OBJECT_SNAPSHOT_SET, FALSE,
                                      &deleted, &nondeleted),
            VSS_E_PROVIDER_VETO);
  EXPECT_EQ(deleted, 1);
  EXPECT_TRUE(IsEqualGUID(nondeleted, d_));
  EXPECT_EQ(provider_.FindSnapshot(c_), nullptr);
  EXPECT_NE(provider_.FindSnapshot(d_), nullptr);
}

TEST_F(ProviderStoreTest, UndocumentedDeleteFailureIsUnexpectedProviderError) {
  CreateSet(VSS_CTX_BACKUP, 1);
  FailingDelete behaviour;
  behaviour.victim = c_;
  behaviour.hr = E_FAIL;
  provider_.set_behaviour(&behaviour);
  LONG deleted = 0;
  VSS_ID nondeleted;
  EXPECT_EQ(provider_.DeleteSnapshots(c_, VSS_OBJECT_SNAPSHOT, FALSE, &deleted,
                                      &nondeleted),
            VSS_E_UNEXPECTED_PROVIDER_ERROR);
  EXPECT_EQ(deleted, 0);
  EXPECT_TRUE(IsEqualGUID(nondeleted, c_));
}

TEST_F(ProviderStoreTest, CreatingASetFreesNoRoomForAnotherOnTheSameVolume) {
  SystemProvider limited(&volumes_, {.max_snapshots_per_volume = 2});
  EXPECT_EQ(limited.SnapshotCountOnVolume(volumes_.volumes()[0]), 0u);
  VSS_ID set = NewId();
  ASSERT_EQ(limited.BeginPrepareSnapshot(set, NewId(), L"C:\\", 0).hr, S_OK);
  ASSERT_EQ(limited.EndPrepareSnapshots(set).hr, S_OK);
  ASSERT_EQ(limited.PreCommitSnapshots(set).hr, S_OK);
  ASSERT_EQ(limited.CommitSnapshots(set, 1, sim::TimePoint{}).hr, S_OK);
  EXPECT_EQ(limited.SnapshotCountOnVolume(volumes_.volumes()[0]), 1u);
  EXPECT_EQ(limited.SnapshotCountOnVolume(volumes_.volumes()[1]), 0u);
}

}  // namespace
}  // namespace vssemu::coordinator
