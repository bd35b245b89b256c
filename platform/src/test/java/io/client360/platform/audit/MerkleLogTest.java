package io.client360.platform.audit;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log's tree heads and proofs against RFC 9162's definitions computed the slow way (§2.1.1–2.1.4), every size and
 * position up to 64 leaves; and forged proofs refused.
 */
class MerkleLogTest {

    static List<byte[]> leaves(int n) {
        List<byte[]> leaves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            leaves.add(MerkleLog.leafHash(("leaf " + i).getBytes(StandardCharsets.UTF_8)));
        }
        return leaves;
    }

    /** MTH(D[n]) by the RFC's recursion over leaf hashes. */
    static byte[] mth(List<byte[]> d) {
        if (d.size() == 1) {
            return d.get(0);
        }
        int k = Integer.highestOneBit(d.size() - 1);
        return MerkleLog.nodeHash(mth(d.subList(0, k)), mth(d.subList(k, d.size())));
    }

    static List<byte[]> path(int m, List<byte[]> d) {
        List<byte[]> path = new ArrayList<>();
        if (d.size() == 1) {
            return path;
        }
        int k = Integer.highestOneBit(d.size() - 1);
        if (m < k) {
            path.addAll(path(m, d.subList(0, k)));
            path.add(mth(d.subList(k, d.size())));
        } else {
            path.addAll(path(m - k, d.subList(k, d.size())));
            path.add(mth(d.subList(0, k)));
        }
        return path;
    }

    static List<byte[]> subproof(int m, List<byte[]> d, boolean b) {
        List<byte[]> proof = new ArrayList<>();
        if (m == d.size()) {
            if (!b) {
                proof.add(mth(d));
            }
            return proof;
        }
        int k = Integer.highestOneBit(d.size() - 1);
        if (m <= k) {
            proof.addAll(subproof(m, d.subList(0, k), b));
            proof.add(mth(d.subList(k, d.size())));
        } else {
            proof.addAll(subproof(m - k, d.subList(k, d.size()), false));
            proof.add(mth(d.subList(0, k)));
        }
        return proof;
    }

    static String hex(List<byte[]> hashes) {
        return hashes.stream().map(HexFormat.of()::formatHex).toList().toString();
    }

    @Test
    void treeHeadsAndInclusionProofs_areRfc9162s_andVerify() {
        List<byte[]> all = leaves(64);
        MerkleLog.Nodes nodes = MerkleLog.nodesOf(all);
        assertThat(HexFormat.of().formatHex(MerkleLog.root(nodes, 0)))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        for (int size = 1; size <= 64; size++) {
            List<byte[]> d = all.subList(0, size);
            byte[] root = MerkleLog.root(nodes, size);
            assertThat(root).as("root of " + size).isEqualTo(mth(d));
            for (int index = 0; index < size; index++) {
                List<byte[]> proof = MerkleLog.inclusionPath(nodes, index, size);
                assertThat(hex(proof)).as("path of " + index + " in " + size).isEqualTo(hex(path(index, d)));
                assertThat(MerkleLog.verifyInclusion(index, size, d.get(index), proof, root)).isTrue();
            }
        }
    }

    @Test
    void consistencyProofs_areRfc9162s_andVerify() {
        List<byte[]> all = leaves(64);
        MerkleLog.Nodes nodes = MerkleLog.nodesOf(all);
        for (int second = 1; second <= 64; second++) {
            for (int first = 1; first <= second; first++) {
                List<byte[]> proof = MerkleLog.consistencyPath(nodes, first, second);
                List<byte[]> expected = first == second ? List.of() : subproof(first, all.subList(0, second), true);
                assertThat(hex(proof)).as(first + " → " + second).isEqualTo(hex(expected));
                assertThat(MerkleLog.verifyConsistency(first, second, MerkleLog.root(nodes, first),
                        MerkleLog.root(nodes, second), proof)).as(first + " → " + second).isTrue();
            }
        }
    }

    @Test
    void aForgedInclusionProof_isRefused() {
        List<byte[]> all = leaves(37);
        MerkleLog.Nodes nodes = MerkleLog.nodesOf(all);
        byte[] root = MerkleLog.root(nodes, 37);
        List<byte[]> proof = MerkleLog.inclusionPath(nodes, 12, 37);

        List<byte[]> tampered = new ArrayList<>(proof);
        byte[] flipped = Arrays.copyOf(tampered.get(2), 32);
        flipped[0] ^= 1;
        tampered.set(2, flipped);

        assertThat(MerkleLog.verifyInclusion(12, 37, all.get(12), tampered, root)).as("a changed hash").isFalse();
        assertThat(MerkleLog.verifyInclusion(12, 37, all.get(13), proof, root)).as("another leaf").isFalse();
        assertThat(MerkleLog.verifyInclusion(13, 37, all.get(12), proof, root)).as("another position").isFalse();
        assertThat(MerkleLog.verifyInclusion(12, 37, all.get(12), proof, MerkleLog.root(nodes, 36)))
                .as("another tree head").isFalse();
        assertThat(MerkleLog.verifyInclusion(12, 37, all.get(12), proof.subList(0, proof.size() - 1), root))
                .as("a shortened path").isFalse();
        assertThat(MerkleLog.verifyInclusion(40, 37, all.get(12), proof, root)).as("outside the tree").isFalse();
    }

    @Test
    void aRewrittenHistory_isNotConsistentWithItsEarlierTreeHead() {
        List<byte[]> honest = leaves(50);
        List<byte[]> rewritten = new ArrayList<>(honest);
        rewritten.set(7, MerkleLog.leafHash("forged".getBytes(StandardCharsets.UTF_8)));
        MerkleLog.Nodes honestNodes = MerkleLog.nodesOf(honest);
        MerkleLog.Nodes rewrittenNodes = MerkleLog.nodesOf(rewritten);
        byte[] earlier = MerkleLog.root(honestNodes, 20);

        List<byte[]> proof = MerkleLog.consistencyPath(rewrittenNodes, 20, 50);

        assertThat(MerkleLog.verifyConsistency(20, 50, earlier, MerkleLog.root(rewrittenNodes, 50), proof)).isFalse();
        assertThat(MerkleLog.verifyConsistency(20, 50, earlier, MerkleLog.root(honestNodes, 50),
                MerkleLog.consistencyPath(honestNodes, 20, 50))).isTrue();
        assertThat(MerkleLog.verifyConsistency(20, 50, earlier, MerkleLog.root(honestNodes, 50), List.of())).isFalse();
    }

    @Test
    void appendingALeaf_completesThePerfectSubtreesEndingAtIt() {
        assertThat(MerkleLog.completedBy(0)).isEmpty();
        assertThat(MerkleLog.completedBy(1)).containsExactly(new long[]{1, 0});
        assertThat(MerkleLog.completedBy(7)).containsExactly(new long[]{1, 3}, new long[]{2, 1}, new long[]{3, 0});
        assertThat(MerkleLog.completedBy(8)).isEmpty();
    }
}
