package org.taizhang.solr;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import org.apache.lucene.document.IntPoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.PrefixCodedTerms;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.function.FunctionScoreQuery;
import org.apache.lucene.queries.spans.SpanNearQuery;
import org.apache.lucene.queries.spans.SpanQuery;
import org.apache.lucene.queries.spans.SpanTermQuery;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.DoubleValuesSource;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointInSetQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.BytesRef;

/**
 * A compact serialised form of the Lucene queries the application builds, so that Solr runs the
 * very query the embedded index would ({@link TaizhangQParserPlugin}): a pre-order tree of tagged
 * nodes in binary, as URL-safe Base64. Only the query classes the search side produces are known;
 * any other is an error at encoding time rather than a silently different query in Solr.
 */
public final class QueryCodec {
  private static final byte MATCH_ALL = 0;
  private static final byte MATCH_NO = 1;
  private static final byte TERM = 2;
  private static final byte BOOLEAN = 3;
  private static final byte BOOST = 4;
  private static final byte CONSTANT = 5;
  private static final byte DISMAX = 6;
  private static final byte SATURATED = 7;
  private static final byte PHRASE = 8;
  private static final byte SPAN_TERM = 9;
  private static final byte SPAN_NEAR = 10;
  private static final byte TERM_IN_SET = 11;
  private static final byte INT_RANGE = 12;
  private static final byte LONG_RANGE = 13;
  private static final byte INT_SET = 14;
  private static final byte LONG_SET = 15;
  private static final byte NEAR_PARTS = 16;

  private QueryCodec() {}

  /**
   * @throws IllegalArgumentException for a query class the codec does not know
   */
  public static String encode(Query q) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      write(out, q);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes.toByteArray());
  }

  /**
   * @throws IllegalArgumentException when {@code encoded} is not an encoded query
   */
  public static Query decode(String encoded) {
    try (DataInputStream in =
        new DataInputStream(
            new ByteArrayInputStream(Base64.getUrlDecoder().decode(encoded.strip())))) {
      return read(in);
    } catch (IOException e) {
      throw new IllegalArgumentException("not an encoded query", e);
    }
  }

  private static void write(DataOutputStream out, Query q) throws IOException {
    if (q instanceof MatchAllDocsQuery) {
      out.writeByte(MATCH_ALL);
    } else if (q instanceof MatchNoDocsQuery) {
      out.writeByte(MATCH_NO);
    } else if (q instanceof TermQuery t) {
      out.writeByte(TERM);
      writeTerm(out, t.getTerm());
    } else if (q instanceof BooleanQuery b) {
      out.writeByte(BOOLEAN);
      out.writeInt(b.getMinimumNumberShouldMatch());
      out.writeInt(b.clauses().size());
      for (BooleanClause c : b.clauses()) {
        out.writeByte(c.getOccur().ordinal());
        write(out, c.getQuery());
      }
    } else if (q instanceof BoostQuery b) {
      out.writeByte(BOOST);
      out.writeFloat(b.getBoost());
      write(out, b.getQuery());
    } else if (q instanceof ConstantScoreQuery c) {
      out.writeByte(CONSTANT);
      write(out, c.getQuery());
    } else if (q instanceof DisjunctionMaxQuery d) {
      out.writeByte(DISMAX);
      out.writeFloat(d.getTieBreakerMultiplier());
      out.writeInt(d.getDisjuncts().size());
      for (Query sub : d.getDisjuncts()) {
        write(out, sub);
      }
    } else if (q instanceof FunctionScoreQuery f && f.getSource() instanceof SaturatedScore s) {
      out.writeByte(SATURATED);
      out.writeDouble(s.base());
      out.writeDouble(s.half());
      write(out, f.getWrappedQuery());
    } else if (q instanceof PhraseQuery p) {
      out.writeByte(PHRASE);
      out.writeInt(p.getSlop());
      Term[] terms = p.getTerms();
      int[] positions = p.getPositions();
      out.writeInt(terms.length);
      for (int i = 0; i < terms.length; i++) {
        writeTerm(out, terms[i]);
        out.writeInt(positions[i]);
      }
    } else if (q instanceof SpanTermQuery t) {
      out.writeByte(SPAN_TERM);
      writeTerm(out, t.getTerm());
    } else if (q instanceof SpanNearQuery n) {
      out.writeByte(SPAN_NEAR);
      out.writeInt(n.getSlop());
      out.writeBoolean(n.isInOrder());
      out.writeInt(n.getClauses().length);
      for (SpanQuery c : n.getClauses()) {
        write(out, c);
      }
    } else if (q instanceof TermInSetQuery s) {
      out.writeByte(TERM_IN_SET);
      PrefixCodedTerms data = s.getTermData();
      PrefixCodedTerms.TermIterator it = data.iterator();
      List<BytesRef> values = new ArrayList<>();
      String field = null;
      for (BytesRef b = it.next(); b != null; b = it.next()) {
        field = it.field();
        values.add(BytesRef.deepCopyOf(b));
      }
      out.writeUTF(field == null ? "" : field);
      out.writeInt(values.size());
      for (BytesRef b : values) {
        writeBytes(out, b);
      }
    } else if (q instanceof PointRangeQuery r && r.getNumDims() == 1) {
      boolean ints = r.getBytesPerDim() == Integer.BYTES;
      out.writeByte(ints ? INT_RANGE : LONG_RANGE);
      out.writeUTF(r.getField());
      if (ints) {
        out.writeInt(IntPoint.decodeDimension(r.getLowerPoint(), 0));
        out.writeInt(IntPoint.decodeDimension(r.getUpperPoint(), 0));
      } else {
        out.writeLong(LongPoint.decodeDimension(r.getLowerPoint(), 0));
        out.writeLong(LongPoint.decodeDimension(r.getUpperPoint(), 0));
      }
    } else if (q instanceof PointInSetQuery s && s.getNumDims() == 1) {
      boolean ints = s.getBytesPerDim() == Integer.BYTES;
      out.writeByte(ints ? INT_SET : LONG_SET);
      out.writeUTF(s.getField());
      Collection<byte[]> points = s.getPackedPoints();
      out.writeInt(points.size());
      for (byte[] p : points) {
        if (ints) {
          out.writeInt(IntPoint.decodeDimension(p, 0));
        } else {
          out.writeLong(LongPoint.decodeDimension(p, 0));
        }
      }
    } else if (q instanceof NearParts n) {
      out.writeByte(NEAR_PARTS);
      out.writeInt(n.maxDocs());
      out.writeInt(n.terms().size());
      for (Term t : n.terms()) {
        writeTerm(out, t);
      }
      write(out, n.near());
    } else {
      throw new IllegalArgumentException(
          "no encoding for " + q.getClass().getName() + ": " + q.toString());
    }
  }

  private static Query read(DataInputStream in) throws IOException {
    byte tag = in.readByte();
    switch (tag) {
      case MATCH_ALL:
        return new MatchAllDocsQuery();
      case MATCH_NO:
        return new MatchNoDocsQuery();
      case TERM:
        return new TermQuery(readTerm(in));
      case BOOLEAN:
        {
          BooleanQuery.Builder b = new BooleanQuery.Builder();
          b.setMinimumNumberShouldMatch(in.readInt());
          int n = in.readInt();
          for (int i = 0; i < n; i++) {
            BooleanClause.Occur occur = BooleanClause.Occur.values()[in.readByte()];
            b.add(read(in), occur);
          }
          return b.build();
        }
      case BOOST:
        {
          float boost = in.readFloat();
          return new BoostQuery(read(in), boost);
        }
      case CONSTANT:
        return new ConstantScoreQuery(read(in));
      case DISMAX:
        {
          float tie = in.readFloat();
          int n = in.readInt();
          List<Query> disjuncts = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            disjuncts.add(read(in));
          }
          return new DisjunctionMaxQuery(disjuncts, tie);
        }
      case SATURATED:
        {
          DoubleValuesSource source = new SaturatedScore(in.readDouble(), in.readDouble());
          return new FunctionScoreQuery(read(in), source);
        }
      case PHRASE:
        {
          PhraseQuery.Builder b = new PhraseQuery.Builder();
          b.setSlop(in.readInt());
          int n = in.readInt();
          for (int i = 0; i < n; i++) {
            Term t = readTerm(in);
            b.add(t, in.readInt());
          }
          return b.build();
        }
      case SPAN_TERM:
        return new SpanTermQuery(readTerm(in));
      case SPAN_NEAR:
        {
          int slop = in.readInt();
          boolean inOrder = in.readBoolean();
          int n = in.readInt();
          SpanQuery[] clauses = new SpanQuery[n];
          for (int i = 0; i < n; i++) {
            clauses[i] = (SpanQuery) read(in);
          }
          return new SpanNearQuery(clauses, slop, inOrder);
        }
      case TERM_IN_SET:
        {
          String field = in.readUTF();
          int n = in.readInt();
          List<BytesRef> values = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            values.add(readBytes(in));
          }
          return new TermInSetQuery(field, values);
        }
      case INT_RANGE:
        return IntPoint.newRangeQuery(in.readUTF(), in.readInt(), in.readInt());
      case LONG_RANGE:
        return LongPoint.newRangeQuery(in.readUTF(), in.readLong(), in.readLong());
      case INT_SET:
        {
          String field = in.readUTF();
          int[] values = new int[in.readInt()];
          for (int i = 0; i < values.length; i++) {
            values[i] = in.readInt();
          }
          return IntPoint.newSetQuery(field, values);
        }
      case LONG_SET:
        {
          String field = in.readUTF();
          long[] values = new long[in.readInt()];
          for (int i = 0; i < values.length; i++) {
            values[i] = in.readLong();
          }
          return LongPoint.newSetQuery(field, values);
        }
      case NEAR_PARTS:
        {
          int maxDocs = in.readInt();
          int n = in.readInt();
          List<Term> terms = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            terms.add(readTerm(in));
          }
          return new NearParts((SpanQuery) read(in), terms, maxDocs);
        }
      default:
        throw new IOException("unknown query tag " + tag);
    }
  }

  private static void writeTerm(DataOutputStream out, Term t) throws IOException {
    out.writeUTF(t.field());
    writeBytes(out, t.bytes());
  }

  private static Term readTerm(DataInputStream in) throws IOException {
    String field = in.readUTF();
    return new Term(field, readBytes(in));
  }

  private static void writeBytes(DataOutputStream out, BytesRef b) throws IOException {
    out.writeInt(b.length);
    out.write(b.bytes, b.offset, b.length);
  }

  private static BytesRef readBytes(DataInputStream in) throws IOException {
    byte[] b = new byte[in.readInt()];
    in.readFully(b);
    return new BytesRef(b);
  }
}
