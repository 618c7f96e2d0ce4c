// Query and its IVssEnumObject: which shadow copies are listed for a
// context, and the usual COM enumerator semantics (Next, Skip, Reset,
// Clone), with caller-owned strings in every returned record.
#include <gtest/gtest.h>
#include <vsserror.h>

#include <vector>

#include "com/com_ptr.h"
#include "coordinator/provider_system.h"

namespace vssemu::coordinator {
namespace {

using com::ComPtr;

void FreeProp(VSS_SNAPSHOT_PROP* prop) {
  for (VSS_PWSZ* s :
       {&prop->m_pwszSnapshotDeviceObject, &prop->m_pwszOriginalVolumeName,
        &prop->m_pwszOriginatingMachine, &prop->m_pwszServiceMachine,
        &prop->m_pwszExposedName, &prop->m_pwszExposedPath}) {
    CoTaskMemFree(*s);
    *s = nullptr;
  }
}

class ProviderQueryTest : public ::testing::Test {
 protected:
  ProviderQueryTest() : volumes_(VolumeTable::WithDefaultVolumes()) {}

  VSS_ID NewId() { return GuidFromPrng(ids_); }

  // Creates one shadow copy of C: in context; stops before the final
  // commit when complete is false. Returns its id.
  VSS_ID Create(LONG context, bool complete = true) {
    VSS_ID set = NewId();
    VSS_ID id = NewId();
    EXPECT_EQ(provider_.BeginPrepareSnapshot(set, id, L"C:\\", context).hr,
              S_OK);
    EXPECT_EQ(provider_.EndPrepareSnapshots(set).hr, S_OK);
    EXPECT_EQ(provider_.PreCommitSnapshots(set).hr, S_OK);
    EXPECT_EQ(provider_.CommitSnapshots(set, 1, sim::TimePoint{}).hr, S_OK);
    if (complete) {
      EXPECT_EQ(provider_.PostCommitSnapshots(set, 1).hr, S_OK);
      EXPECT_EQ(provider_.PreFinalCommitSnapshots(set).hr, S_OK);
      EXPECT_EQ(provider_.PostFinalCommitSnapshots(set).hr, S_OK);
    }
    return id;
  }

  // Returns the ids the enumerator yields, one Next(1) at a time.
  static std::vector<VSS_ID> Drain(IVssEnumObject* e) {
    std::vector<VSS_ID> ids;
    for (;;) {
      VSS_OBJECT_PROP prop = {};
      ULONG fetched = 0;
      HRESULT hr = e->Next(1, &prop, &fetched);
      if (fetched == 0) {
        EXPECT_EQ(hr, S_FALSE);
        return ids;
      }
      EXPECT_EQ(hr, S_OK);
      EXPECT_EQ(prop.Type, VSS_OBJECT_SNAPSHOT);
      ids.push_back(prop.Obj.Snap.m_SnapshotId);
      FreeProp(&prop.Obj.Snap);
    }
  }

  ComPtr<IVssEnumObject> QueryAll(LONG context = VSS_CTX_ALL) {
    ComPtr<IVssEnumObject> e;
    EXPECT_EQ(provider_.Query(GUID_NULL, VSS_OBJECT_NONE, VSS_OBJECT_SNAPSHOT,
                              context, e.put()),
              S_OK);
    return e;
  }

  VolumeTable volumes_;
  SystemProvider provider_{&volumes_};
  sim::Prng ids_{21};
};

TEST_F(ProviderQueryTest, AllContextListsEveryCompletedShadowCopyInOrder) {
  VSS_ID a = Create(VSS_CTX_BACKUP);
  VSS_ID b = Create(VSS_CTX_APP_ROLLBACK);
  VSS_ID c = Create(VSS_CTX_FILE_SHARE_BACKUP);
  ComPtr<IVssEnumObject> e = QueryAll();
  ASSERT_TRUE(e);
  std::vector<VSS_ID> ids = Drain(e.get());
  ASSERT_EQ(ids.size(), 3u);
  EXPECT_TRUE(IsEqualGUID(ids[0], a));
  EXPECT_TRUE(IsEqualGUID(ids[1], b));
  EXPECT_TRUE(IsEqualGUID(ids[2], c));
}

TEST_F(ProviderQueryTest, OtherContextsListOnlyShadowCopiesOfTheirKind) {
  Create(VSS_CTX_BACKUP);
  VSS_ID rollback = Create(VSS_CTX_APP_ROLLBACK);
  Create(VSS_CTX_NAS_ROLLBACK);
  ComPtr<IVssEnumObject> e =
      QueryAll(LONG{VSS_CTX_APP_ROLLBACK} | VSS_VOLSNAP_ATTR_TRANSPORTABLE);
  ASSERT_TRUE(e);
  std::vector<VSS_ID> ids = Drain(e.get());
  ASSERT_EQ(ids.size(), 1u);
  EXPECT_TRUE(IsEqualGUID(ids[0], rollback));
}

TEST_F(ProviderQueryTest, NothingToListIsSFalseWithAUsableEmptyEnumerator) {
  Create(VSS_CTX_BACKUP, /*complete=*/false);  // Not completed: not listed.
  ComPtr<IVssEnumObject> e;
  ASSERT_EQ(provider_.Query(GUID_NULL, VSS_OBJECT_NONE, VSS_OBJECT_SNAPSHOT,
                            VSS_CTX_ALL, e.put()),
            S_FALSE);
  ASSERT_TRUE(e);
  EXPECT_TRUE(Drain(e.get()).empty());
}

TEST_F(ProviderQueryTest, QueryRejectsReservedArgumentsItDoesNotSupport) {
  IVssEnumObject* e = reinterpret_cast<IVssEnumObject*>(1);
  EXPECT_EQ(provider_.Query(GUID_NULL, VSS_OBJECT_NONE, VSS_OBJECT_SNAPSHOT,
                            VSS_CTX_ALL, nullptr),
            E_INVALIDARG);
  EXPECT_EQ(provider_.Query(NewId(), VSS_OBJECT_NONE, VSS_OBJECT_SNAPSHOT,
                            VSS_CTX_ALL, &e),
            E_INVALIDARG);
  EXPECT_EQ(e, nullptr);
  EXPECT_EQ(provider_.Query(GUID_NULL, VSS_OBJECT_SNAPSHOT_SET,
                            VSS_OBJECT_SNAPSHOT, VSS_CTX_ALL, &e),
            E_INVALIDARG);
  EXPECT_EQ(provider_.Query(GUID_NULL, VSS_OBJECT_NONE, VSS_OBJECT_SNAPSHOT_SET,
                            VSS_CTX_ALL, &e),
            E_INVALIDARG);
  EXPECT_EQ(provider_.Query(GUID_NULL, VSS_OBJECT_NONE, VSS_OBJECT_PROVIDER,
                            VSS_CTX_ALL, &e),
            E_NOTIMPL);
  EXPECT_EQ(e, nullptr);
}

TEST_F(ProviderQueryTest, NextReturnsSFalseWhenFewerThanAskedRemain) {
  VSS_ID a = Create(VSS_CTX_BACKUP);
  VSS_ID b = Create(VSS_CTX_BACKUP);
  ComPtr<IVssEnumObject> e = QueryAll();
  VSS_OBJECT_PROP props[3] = {};
  ULONG fetched = 0;
  ASSERT_EQ(e->Next(3, props, &fetched), S_FALSE);
  ASSERT_EQ(fetched, 2u);
  EXPECT_TRUE(IsEqualGUID(props[0].Obj.Snap.m_SnapshotId, a));
  EXPECT_TRUE(IsEqualGUID(props[1].Obj.Snap.m_SnapshotId, b));
  EXPECT_EQ(props[1].Obj.Snap.m_eStatus, VSS_SS_CREATED);
  FreeProp(&props[0].Obj.Snap);
  FreeProp(&props[1].Obj.Snap);
  EXPECT_EQ(e->Next(1, props, &fetched), S_FALSE);
  EXPECT_EQ(fetched, 0u);
}

TEST_F(ProviderQueryTest, NextChecksItsPointers) {
  Create(VSS_CTX_BACKUP);
  ComPtr<IVssEnumObject> e = QueryAll();
  ULONG fetched = 9;
  EXPECT_EQ(e->Next(1, nullptr, &fetched), E_POINTER);
  VSS_OBJECT_PROP props[2] = {};
  EXPECT_EQ(e->Next(2, props, nullptr), E_POINTER);
  // One element may be fetched without a count, as COM allows.
  ASSERT_EQ(e->Next(1, props, nullptr), S_OK);
  FreeProp(&props[0].Obj.Snap);
}

TEST_F(ProviderQueryTest, SkipResetAndCloneMoveIndependentCursors) {
  Create(VSS_CTX_BACKUP);
  VSS_ID b = Create(VSS_CTX_BACKUP);
  VSS_ID c = Create(VSS_CTX_BACKUP);
  ComPtr<IVssEnumObject> e = QueryAll();
  EXPECT_EQ(e->Skip(1), S_OK);
  ComPtr<IVssEnumObject> clone;
  ASSERT_EQ(e->Clone(clone.put()), S_OK);
  EXPECT_EQ(e->Skip(5), S_FALSE);
  EXPECT_TRUE(Drain(e.get()).empty());
  std::vector<VSS_ID> rest = Drain(clone.get());
  ASSERT_EQ(rest.size(), 2u);
  EXPECT_TRUE(IsEqualGUID(rest[0], b));
  EXPECT_TRUE(IsEqualGUID(rest[1], c));
  EXPECT_EQ(e->Reset(), S_OK);
  EXPECT_EQ(Drain(e.get()).size(), 3u);
  EXPECT_EQ(e->Clone(nullptr), E_POINTER);
}

TEST_F(ProviderQueryTest, AnEnumeratorKeepsWhatItListedAfterADelete) {
  VSS_ID a = Create(VSS_CTX_BACKUP);
  ComPtr<IVssEnumObject> e = QueryAll();
  LONG deleted = 0;
  VSS_ID nondeleted;
  ASSERT_EQ(provider_.DeleteSnapshots(a, VSS_OBJECT_SNAPSHOT, FALSE, &deleted,
                                      &nondeleted),
            S_OK);
  std::vector<VSS_ID> ids = Drain(e.get());
  ASSERT_EQ(ids.size(), 1u);
  EXPECT_TRUE(IsEqualGUID(ids[0], a));
}

TEST_F(ProviderQueryTest, EnumeratorAnswersQueryInterfaceForItsInterface) {
  Create(VSS_CTX_BACKUP);
  ComPtr<IVssEnumObject> e = QueryAll(VSS_CTX_ALL);
  ASSERT_TRUE(e);
  ComPtr<IUnknown> unknown;
  EXPECT_EQ(e.As(&unknown), S_OK);
  ComPtr<IVssAsync> async;
  EXPECT_EQ(e.As(&async), E_NOINTERFACE);
}

}  // namespace
}  // namespace vssemu::coordinator
